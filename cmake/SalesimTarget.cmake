# salesim_setup_target(): the warnings and flags every salesim target shares.
function(salesim_setup_target target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                           -Wno-sign-conversion)
  # A multiply and an add stay two roundings even where a -march allows FMA, so a build for a
  # newer CPU gives the same results (sim/core/vector_math.h relies on it).
  target_compile_options(${target} PRIVATE -ffp-contract=off)
  # GCC 12 reports false -Wrestrict positives on std::string concatenation at -O3
  # (GCC bug 105329); the check stays on for other compilers.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  if(SALESIM_WARNINGS_AS_ERRORS)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
