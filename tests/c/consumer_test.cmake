# install_consumer test: install the build tree into a temporary prefix, then
# build tests/c/quickstart.c against that copy twice - with find_package(CryptoGo)
# (tests/c/consumer) and with pkg-config - and run both programs.
#   cmake -DBUILD_DIR= -DWORK= -DCONSUMER_SRC= -DQUICKSTART= -DCC= -DPKG_CONFIG= -DGENERATOR= -P consumer_test.cmake
cmake_minimum_required(VERSION 3.21)
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    list(JOIN ARGN " " cmd)
    message(FATAL_ERROR "failed (${rc}): ${cmd}\n${out}\n${err}")
  endif()
  set(OUT "${out}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE "${WORK}")
set(PREFIX "${WORK}/prefix")
run("${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}")
file(GLOB_RECURSE _installed RELATIVE "${PREFIX}" "${PREFIX}/*")
list(JOIN _installed "\n  " _list)
message(STATUS "installed into ${PREFIX}:\n  ${_list}")
foreach(f cryptogo.h cryptogo_bindings.h cryptogo_types.h libcrypto-go.so libcrypto-go.pc CryptoGoConfig.cmake CryptoGoConfigVersion.cmake)
  if(NOT _list MATCHES "(^|/)${f}(\n|$)")
    message(FATAL_ERROR "${f} was not installed")
  endif()
endforeach()

# 1. CMake: find_package(CryptoGo) from the prefix only.
run("${CMAKE_COMMAND}" -S "${CONSUMER_SRC}" -B "${WORK}/cmake" -G "${GENERATOR}"
    "-DCMAKE_PREFIX_PATH=${PREFIX}" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF -DCMAKE_C_FLAGS=-Wall\ -Wextra\ -Werror)
run("${CMAKE_COMMAND}" --build "${WORK}/cmake")
file(STRINGS "${WORK}/cmake/CMakeCache.txt" _dir REGEX "^CryptoGo_DIR:")
if(NOT _dir MATCHES "${PREFIX}")
  message(FATAL_ERROR "find_package(CryptoGo) did not use the installed copy: ${_dir}")
endif()
run("${WORK}/cmake/quickstart")
message(STATUS "find_package consumer output:\n${OUT}")
run(ldd "${WORK}/cmake/quickstart")
if(NOT OUT MATCHES "libcrypto-go.so => ${PREFIX}/")
  message(FATAL_ERROR "find_package consumer does not load the installed library:\n${OUT}")
endif()

# 2. pkg-config: cc quickstart.c $(pkg-config --cflags --libs libcrypto-go).
if(NOT PKG_CONFIG)
  message(FATAL_ERROR "pkg-config not found (make deps installs it)")
endif()
file(GLOB_RECURSE _pc "${PREFIX}/*/libcrypto-go.pc")
get_filename_component(_pcdir "${_pc}" DIRECTORY)
run("${CMAKE_COMMAND}" -E env "PKG_CONFIG_PATH=${_pcdir}" "${PKG_CONFIG}" --cflags --libs libcrypto-go)
string(STRIP "${OUT}" _flags)
message(STATUS "pkg-config --cflags --libs libcrypto-go: ${_flags}")
separate_arguments(_flags UNIX_COMMAND "${_flags}")
run("${CMAKE_COMMAND}" -E env "PKG_CONFIG_PATH=${_pcdir}" "${PKG_CONFIG}" --variable=libdir libcrypto-go)
string(STRIP "${OUT}" _libdir)
run("${CC}" -std=c99 -Wall -Wextra -Werror "${QUICKSTART}" ${_flags} -o "${WORK}/quickstart-pc")
run("${CMAKE_COMMAND}" -E env "LD_LIBRARY_PATH=${_libdir}" "${WORK}/quickstart-pc")
message(STATUS "pkg-config consumer output:\n${OUT}")

# 3. The bindings' header from the same prefix: <cryptogo_bindings.h>
# (which includes <cryptogo.h>) with the pkg-config flags.
file(WRITE "${WORK}/bindings.c" "#include <cryptogo_bindings.h>\n#include <stdio.h>\n"
     "int main(void) {\n    size_t live = 1;\n"
     "    if (cryptogo_debug_live_handles(&live) != CRYPTOGO_OK || live != 0) return 1;\n"
     "    printf(\"cryptogo_bindings.h: %zu live handles\\n\", live);\n    return 0;\n}\n")
run("${CC}" -std=c99 -Wall -Wextra -Werror "${WORK}/bindings.c" ${_flags} -o "${WORK}/bindings-pc")
run("${CMAKE_COMMAND}" -E env "LD_LIBRARY_PATH=${_libdir}" "${WORK}/bindings-pc")
message(STATUS "bindings header consumer output:\n${OUT}")
