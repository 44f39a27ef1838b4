# find_package(fhebench) for the tools' programs: the target fhebench::program carries
# fhebench's headers (fhebench/program.hpp, main.hpp, compare.hpp, packing.hpp, random.hpp),
# nlohmann-json and C++20; a build without CMAKE_BUILD_TYPE becomes Release. Found in the
# source tree (<repo>/cmake, which `fhebench build` passes as fhebench_DIR) and when
# installed (<prefix>/lib/cmake/fhebench).
include(CMakeFindDependencyMacro)
if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
  set(CMAKE_BUILD_TYPE Release CACHE STRING "" FORCE)  # benchmarks measure optimized code
endif()
find_dependency(nlohmann_json 3.10)

foreach(candidate "${CMAKE_CURRENT_LIST_DIR}/../include" "${CMAKE_CURRENT_LIST_DIR}/../../../include")
  if(EXISTS "${candidate}/fhebench/program.hpp")
    get_filename_component(FHEBENCH_INCLUDE_DIR "${candidate}" ABSOLUTE)
    break()
  endif()
endforeach()
if(NOT FHEBENCH_INCLUDE_DIR)
  set(fhebench_FOUND FALSE)
  set(fhebench_NOT_FOUND_MESSAGE "no fhebench/program.hpp beside ${CMAKE_CURRENT_LIST_FILE}")
  return()
endif()

if(NOT TARGET fhebench::program)
  add_library(fhebench::program INTERFACE IMPORTED)
  set_target_properties(fhebench::program PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${FHEBENCH_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES nlohmann_json::nlohmann_json
    INTERFACE_COMPILE_FEATURES cxx_std_20)
endif()
