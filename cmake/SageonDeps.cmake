# Every dependency is a Debian package; scripts/setup-debian.sh installs them.
find_package(ICU 70 REQUIRED COMPONENTS uc i18n data)
find_package(Boost 1.74 REQUIRED COMPONENTS program_options)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(LibXml2 2.9 REQUIRED)
find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET libutf8proc)  # Debian ships only a .pc file
if(SAGEON_BUILD_TESTS)
  find_package(GTest 1.12 REQUIRED)
endif()
