// `salesim schema`: both outputs come from models/scenario_description.cpp through sim/io.
#include "sim/cli/schema_command.h"

#include <iostream>

#include "models/scenario_description.h"
#include "sim/io/section_reference.h"
#include "sim/run/scenario_loader.h"

namespace salesim::sim::cli {

int schema_command(SchemaFormat format) {
  const auto& scenario = models::scenario_description();
  const auto& names = run::scenario_name_sets();
  if (format == SchemaFormat::json) {
    std::cout << io::json_schema(scenario, "salesim scenario", names);
  } else {
    std::cout << io::reference_markdown(scenario, "Scenario reference", names);
  }
  return 0;
}

}  // namespace salesim::sim::cli
