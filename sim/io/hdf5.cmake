# HDF5 run files (DESIGN §5).
target_sources(salesim_sim PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/hdf5_handle.cpp
  ${CMAKE_CURRENT_LIST_DIR}/hdf5_types.cpp
  ${CMAKE_CURRENT_LIST_DIR}/run_file_reader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/run_file_writer.cpp
)
