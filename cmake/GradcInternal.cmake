# For this repository's own examples and benchmarks: runs the gradc just
# built on SRC and sets OUT_VAR to the generated header, in the current
# binary directory, or in its subdirectory DIR when given. DEFINES are
# passed to gradc's compiler as -D flags (a second header from the same
# source, under other sizes, goes to a DIR of its own). (Users' builds get
# gradc_generate() with the package.)
function(gradc_internal_generate src out_var)
  cmake_parse_arguments(ARG "" "DIR" "DEFINES" ${ARGN})
  get_filename_component(stem ${src} NAME_WE)
  set(dir ${CMAKE_CURRENT_BINARY_DIR})
  if(ARG_DIR)
    set(dir ${dir}/${ARG_DIR})
  endif()
  set(out ${dir}/${stem}.grad.h)
  set(flags)
  if(ARG_DEFINES)
    set(flags --)
    foreach(d ${ARG_DEFINES})
      list(APPEND flags -D${d})
    endforeach()
  endif()
  add_custom_command(OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${dir}
    COMMAND gradc ${src} -o ${out} ${flags}
    DEPENDS gradc ${src}
    COMMENT "gradc ${stem}.cpp ${ARG_DEFINES}")
  set(${out_var} ${out} PARENT_SCOPE)
endfunction()
