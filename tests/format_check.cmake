# Runs clang-format in dry-run mode over every C++ file of src/, benchmarks/ and tests/; fails on any
# drift.
file(GLOB_RECURSE sources ${SOURCE_DIR}/src/*.cc ${SOURCE_DIR}/src/*.h ${SOURCE_DIR}/benchmarks/*.cc ${SOURCE_DIR}/tests/*.cc
     ${SOURCE_DIR}/tests/*.h)
execute_process(COMMAND ${CLANG_FORMAT} --dry-run -Werror --style=file ${sources}
                RESULT_VARIABLE result ERROR_VARIABLE errors)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "clang-format: these files are not formatted (run clang-format -i):\n${errors}")
endif()
list(LENGTH sources count)
message(STATUS "clang-format: ${count} files formatted")
