// Shared test helpers: the project's dictionaries loaded once, absolute data paths, and the check
// that a span of any stage reads back as its surface.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <string_view>

#include "sageon/resources/dictionary_set.h"

namespace sageon::testing {

// A fresh directory under the system temp dir, named after the running test, removed with
// everything in it at scope exit.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string Path(const std::string& relative) const { return (path_ / relative).string(); }
  // Writes `bytes` to `relative` (creating parent folders) and returns the full path.
  std::string Write(const std::string& relative, std::string_view bytes) const;

 private:
  std::filesystem::path path_;
};

// dictionaries/ of the source tree, loaded once per test binary.
const DictionarySet& ProjectDictionaries();
// ../shared/<relative> beside the checkout, or "" when it is absent (tests that need it skip).
std::string SharedPath(const std::string& relative);
std::string ReadFileOrDie(const std::string& path);

}  // namespace sageon::testing

#define SAGEON_SKIP_WITHOUT_SHARED(path_var, relative)                  \
  const std::string path_var = ::sageon::testing::SharedPath(relative); \
  if (path_var.empty()) GTEST_SKIP() << "../shared/" << relative << " is absent"
