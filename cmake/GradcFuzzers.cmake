# The libFuzzer targets of fuzz/, built by clang++-19 as a project of their
# own (this build uses g++), and a short fuzz run of each in the tests:
# whatever the input, a diagnostic, never a crash. See docs/fuzzing.md.
option(GRADC_BUILD_FUZZERS
  "Build the fuzz targets with clang++-19 and run them briefly in the tests" ON)
set(GRADC_FUZZ_SECONDS 15 CACHE STRING
  "How long each fuzz target runs in the tests")
if(NOT GRADC_BUILD_FUZZERS)
  return()
endif()

# Can clang++-19 link a fuzzer with ASan and UBSan? (libFuzzer's runtime is
# in Debian's libclang-rt-19-dev.)
set(GRADC_FUZZ_CXX ${LLVM_TOOLS_BINARY_DIR}/clang++)
set(probe ${CMAKE_BINARY_DIR}/fuzz-probe)
file(WRITE ${probe}/probe.cpp
  "#include <cstddef>\n#include <cstdint>\n"
  "extern \"C\" int LLVMFuzzerTestOneInput(const uint8_t *, size_t) "
  "{ return 0; }\n")
execute_process(COMMAND ${GRADC_FUZZ_CXX} -fsanitize=fuzzer,address,undefined
    ${probe}/probe.cpp -o ${probe}/probe
  RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(WARNING "No fuzz targets and no fuzz tests: ${GRADC_FUZZ_CXX} cannot "
    "link -fsanitize=fuzzer,address,undefined (install libclang-rt-19-dev; "
    "scripts/test does):\n${err}")
  return()
endif()

set(GRADC_FUZZ_DIR ${CMAKE_BINARY_DIR}/fuzz)
include(ExternalProject)
ExternalProject_Add(gradc-fuzzers
  SOURCE_DIR ${CMAKE_SOURCE_DIR}/fuzz
  BINARY_DIR ${GRADC_FUZZ_DIR}
  CMAKE_ARGS -DCMAKE_CXX_COMPILER=${GRADC_FUZZ_CXX}
    -DCMAKE_CXX_COMPILER_LAUNCHER=${CMAKE_CXX_COMPILER_LAUNCHER}
  INSTALL_COMMAND ""
  # Its own build tracks the library sources it compiles.
  BUILD_ALWAYS ON)

# Each run starts from the seeds of fuzz/corpus/<grammar> and adds what it
# finds to a corpus in the build tree, which later runs start from too. A
# crash, a sanitizer report or a broken invariant fails the test and leaves
# the input in ${GRADC_FUZZ_DIR}/crash-*.
set(grammars spec)
if(TARGET gradcExpr) # the expression language, once it exists
  list(APPEND grammars expr)
endif()
foreach(grammar ${grammars})
  set(corpus ${GRADC_FUZZ_DIR}/corpus-${grammar})
  file(MAKE_DIRECTORY ${corpus})
  add_test(NAME fuzz-${grammar}
    COMMAND ${GRADC_FUZZ_DIR}/gradc-fuzz-${grammar}
      -max_total_time=${GRADC_FUZZ_SECONDS} -timeout=10 -print_final_stats=1
      -dict=${CMAKE_SOURCE_DIR}/fuzz/${grammar}.dict
      -artifact_prefix=${GRADC_FUZZ_DIR}/
      ${corpus} ${CMAKE_SOURCE_DIR}/fuzz/corpus/${grammar})
  set_tests_properties(fuzz-${grammar} PROPERTIES TIMEOUT 120)
endforeach()
