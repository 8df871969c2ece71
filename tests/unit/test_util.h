// Shared test helpers: the project's dictionaries loaded once, absolute data paths, and the check
// that a span of any stage reads back as its surface.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "sageon/resources/dictionary_set.h"

namespace sageon::testing {

// dictionaries/ of the source tree, loaded once per test binary.
const DictionarySet& ProjectDictionaries();
// ../shared/<relative> beside the checkout, or "" when it is absent (tests that need it skip).
std::string SharedPath(const std::string& relative);
std::string ReadFileOrDie(const std::string& path);

}  // namespace sageon::testing

#define SAGEON_SKIP_WITHOUT_SHARED(path_var, relative)                  \
  const std::string path_var = ::sageon::testing::SharedPath(relative); \
  if (path_var.empty()) GTEST_SKIP() << "../shared/" << relative << " is absent"
