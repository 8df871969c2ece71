# One warning list for every sageon target; -Werror only when SAGEON_WERROR is on (CI turns it on).
function(sageon_set_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
    -Woverloaded-virtual -Wimplicit-fallthrough)
  if(SAGEON_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(SAGEON_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()
