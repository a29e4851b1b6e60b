# tne_embed(NAME DIR GLOB): generates embedded_NAME.cpp in the build folder, holding the files of DIR
# that match GLOB (cmake/embed_files.cmake writes it), and sets TNE_EMBEDDED_NAME to its path. The
# native build and the web build (web/CMakeLists.txt) both embed the rubric set and schemas with it.
set(TNE_EMBED_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/embed_files.cmake")
function(tne_embed name dir glob)
  file(GLOB_RECURSE inputs CONFIGURE_DEPENDS "${dir}/${glob}")
  set(output "${CMAKE_BINARY_DIR}/generated/embedded_${name}.cpp")
  add_custom_command(
    OUTPUT "${output}"
    COMMAND "${CMAKE_COMMAND}" -DDIR=${dir} -DGLOB=${glob} -DFUNCTION=${name} -DOUTPUT=${output}
            -P "${TNE_EMBED_SCRIPT}"
    DEPENDS ${inputs} "${TNE_EMBED_SCRIPT}"
    COMMENT "Embedding ${glob} from ${dir}")
  set(TNE_EMBEDDED_${name} "${output}" PARENT_SCOPE)
endfunction()
