# For this repository's own examples and benchmarks: runs the gradc just
# built on SRC and sets OUT_VAR to the generated header, in the current
# binary directory. (Users' builds get gradc_generate() with the package.)
function(gradc_internal_generate src out_var)
  get_filename_component(stem ${src} NAME_WE)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${stem}.grad.h)
  add_custom_command(OUTPUT ${out}
    COMMAND gradc ${src} -o ${out}
    DEPENDS gradc ${src}
    COMMENT "gradc ${stem}.cpp")
  set(${out_var} ${out} PARENT_SCOPE)
endfunction()
