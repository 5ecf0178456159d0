// The generic binder on a section it has never seen: sim/io reads, checks, writes and lists the keys of
// any described struct, with no domain name in it.
#include "sim/io/section_reader.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/core/section_check.h"
#include "sim/core/section_description.h"
#include "sim/io/section_writer.h"

namespace {

using namespace salesim::sim;

enum class Colour { red, green };

struct Leg {
  double length = 1.0;
};

struct Table {
  std::string name{};
  std::uint64_t serial = 7;
  Colour colour = Colour::red;
  bool folding = false;
  std::optional<double> discount{};
  std::vector<Leg> legs{};
};

const core::SectionDescription& leg_description() {
  static const core::SectionDescription section =
      core::Describe<Leg>("a leg").field("length", &Leg::length, {.min = 0, .min_exclusive = true}).done();
  return section;
}

const core::SectionDescription& table_description() {
  static const core::SectionDescription section =
      core::Describe<Table>("a table")
          .field("name", &Table::name, {.required = true})
          .field("serial", &Table::serial, {.min = 0, .max = 18446744073709551615.0})
          .field("colour", &Table::colour, {.words = {"red", "green"}})
          .field("folding", &Table::folding)
          .field("discount", &Table::discount, {.min = 0, .max = 1})
          .list("legs", &Table::legs, leg_description(), {.max_items = 4, .item_noun = "legs"})
          .done();
  return section;
}

Table read(const std::string& text, const std::vector<io::Override>& overrides = {}) {
  const io::DocumentReader document(text, "table.yaml", "table", table_description(), overrides, {});
  Table table;
  document.read_into(&table);
  return table;
}

io::InputProblem only_problem(const std::string& text, const std::vector<io::Override>& overrides = {}) {
  try {
    (void)read(text, overrides);
  } catch (const io::InputError& error) {
    REQUIRE(error.problems().size() == 1);
    return error.problems().front();
  }
  FAIL("no InputError for:\n" << text);
  return {};
}

}  // namespace

TEST_CASE("the binder reads, writes back and lists the keys of any described section", "[io][binder]") {
  const Table table =
      read("name: desk\nserial: 18446744073709551615\ncolour: green\nlegs: [{length: 2}, {}]\n");
  CHECK(table.serial == 18446744073709551615u);
  CHECK(table.colour == Colour::green);
  CHECK_FALSE(table.discount);
  REQUIRE(table.legs.size() == 2);
  CHECK(table.legs[1].length == 1.0);  // the item's default
  const std::string text = io::write_yaml(table_description(), &table);
  CHECK(text ==
        "name: \"desk\"\nserial: 18446744073709551615\ncolour: green\nfolding: false\nlegs:\n"
        "  - length: 2\n  - length: 1\n");
  CHECK(io::write_yaml(table_description(), &table) == io::write_yaml(table_description(), [&] {
          static Table again;
          again = read(text);
          return &again;
        }()));
  CHECK(io::settable_paths(table_description()) ==
        std::vector<std::string>{"name", "serial", "colour", "folding", "discount", "legs[0].length"});
}

TEST_CASE("the binder refuses 2^64, which a double cannot tell from the largest whole number",
          "[io][binder][bad-input]") {
  CHECK(only_problem("name: desk\nserial: 18446744073709551616\n").to_string() ==
        "table.yaml:2:9: serial: 18446744073709551616 must be at most 18446744073709551615 "
        "(allowed: a whole number in [0, 18446744073709551615])");
  CHECK(only_problem("name: desk\nserial: 1.8446744073709552e19\n").message ==
        "1.8446744073709552e19 must be at most 18446744073709551615");
  CHECK(only_problem("name: desk\nserial: -1\n").message == "-1 must be at least 0");
}

TEST_CASE("the binder locates list, required-key and override problems", "[io][binder][bad-input]") {
  CHECK(only_problem("name: desk\nlegs: [{}, {}, {}, {}, {}]\n").message ==
        "expected a list of at most 4 legs, found 5 legs");
  CHECK(only_problem("serial: 3\n").message == "missing required key 'name'");
  CHECK(only_problem("name: desk\n", {io::parse_override("legs[0].length=2")}).to_string() ==
        "--set: legs[0].length: no legs[0] (allowed: an index below 0)");
  const Table set = read("name: desk\nlegs: [{}]\n", {io::parse_override("discount=0.25")});
  CHECK(set.discount == 0.25);  // an optional key is present once set
}

TEST_CASE("ranges are one rule for the reader and for a section built in code", "[io][binder]") {
  Table table;
  table.discount = 1.5;
  table.legs = {Leg{0.0}};
  const auto problems = core::range_problems(table_description(), &table);
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].key_path == "discount");
  CHECK(problems[0].message == "1.5 must be at most 1");
  CHECK(problems[1].key_path == "legs[0].length");
  CHECK(problems[1].message == "0 must be more than 0");
  CHECK(only_problem("name: desk\ndiscount: 1.5\n").message == problems[0].message);
}
