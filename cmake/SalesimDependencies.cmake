# The one place that lists salesim's dependencies. All come from Debian packages
# (see scripts/install-dependencies.sh); nothing is downloaded at build time.
find_package(TBB REQUIRED)                               # libtbb-dev
find_package(Eigen3 3.4 REQUIRED NO_MODULE)              # libeigen3-dev
find_package(Boost 1.74 REQUIRED COMPONENTS graph)       # libboost-graph-dev
find_package(yaml-cpp REQUIRED)                          # libyaml-cpp-dev
find_package(HDF5 REQUIRED COMPONENTS C)                 # libhdf5-dev
find_package(CLI11 REQUIRED)                             # libcli11-dev
find_package(fmt REQUIRED)                               # libfmt-dev
find_package(PkgConfig REQUIRED)
pkg_check_modules(XXHASH REQUIRED IMPORTED_TARGET libxxhash)  # libxxhash-dev: run identities
find_package(utf8cpp REQUIRED)                           # libutfcpp-dev (header only): UTF-8 checks of input text
find_package(NLopt 2.7 REQUIRED)                         # libnlopt-cxx-dev: maximum-likelihood fits of customer bases
if(SALESIM_MPI)
  find_package(MPI REQUIRED COMPONENTS C)                # openmpi-bin libopenmpi-dev: sweeps across ranks (C API)
endif()
find_package(nlohmann_json 3 REQUIRED)                  # nlohmann-json3-dev: the report's Vega-Lite specs
find_package(hwy 1.0 REQUIRED)                           # libhwy-dev: SIMD with run-time dispatch (vector Philox)
pkg_check_modules(SLEEF REQUIRED IMPORTED_TARGET sleef)   # libsleef-dev: vector exp, log, sincospi (same bits on every target)
find_path(RANDOM123_INCLUDE_DIR Random123/philox.h REQUIRED)   # librandom123-dev (header only)

add_library(salesim_random123 INTERFACE)
target_include_directories(salesim_random123 SYSTEM INTERFACE "${RANDOM123_INCLUDE_DIR}")
add_library(salesim::random123 ALIAS salesim_random123)

add_library(salesim_hdf5 INTERFACE)
target_include_directories(salesim_hdf5 SYSTEM INTERFACE ${HDF5_C_INCLUDE_DIRS} ${HDF5_INCLUDE_DIRS})
target_link_libraries(salesim_hdf5 INTERFACE ${HDF5_C_LIBRARIES})
target_compile_definitions(salesim_hdf5 INTERFACE ${HDF5_DEFINITIONS})
add_library(salesim::hdf5 ALIAS salesim_hdf5)

if(SALESIM_BUILD_TESTS)
  find_package(Catch2 2 REQUIRED)                        # catch2 (version 2)
endif()
