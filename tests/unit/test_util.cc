#include "unit/test_util.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace sageon::testing {

namespace fs = std::filesystem;

TempDir::TempDir() {
  static int counter = 0;
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string name = "sageon_test_" + std::to_string(::getpid()) + "_" +
                     (info != nullptr ? std::string(info->test_suite_name()) + "_" + info->name()
                                      : std::string("x")) +
                     "_" + std::to_string(counter++);
  for (char& c : name) {
    if (c == '/') c = '_';  // parameterized test names contain '/'
  }
  path_ = fs::temp_directory_path() / name;
  fs::remove_all(path_);
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::string TempDir::Write(const std::string& relative, std::string_view bytes) const {
  const fs::path file = path_ / relative;
  fs::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  EXPECT_TRUE(out.good()) << "cannot write " << file;
  return file.string();
}

const DictionarySet& ProjectDictionaries() {
  static const DictionarySet* const dictionaries = [] {
    auto loaded = DictionarySet::LoadDirectory(SAGEON_TEST_DICT_DIR);
    if (!loaded.ok()) {
      ADD_FAILURE() << loaded.status().message();
      return new DictionarySet();
    }
    return new DictionarySet(std::move(loaded).value());
  }();
  return *dictionaries;
}

std::string SharedPath(const std::string& relative) {
  const std::filesystem::path path = std::filesystem::path(SAGEON_TEST_SHARED_DIR) / relative;
  std::error_code ec;
  return std::filesystem::exists(path, ec) ? path.string() : std::string();
}

std::string ReadFileOrDie(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot open " << path;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace sageon::testing
