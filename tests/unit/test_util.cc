#include "unit/test_util.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace sageon::testing {

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
