// The vocabulary in which a model describes each section of its scenario once: keys, types, ranges,
// defaults (the C++ initializers), units and meanings. sim/io binds YAML to these descriptions and
// derives the writer, the `--set` paths and the references from them; nothing here names a domain.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace salesim::sim::core {

inline constexpr double unbounded = std::numeric_limits<double>::infinity();

enum class ValueKind { number, whole_number, boolean, text, word };

/// A scalar as the binder hands it to a member and reads it back; a word travels as its index.
using ScalarValue = std::variant<double, std::uint64_t, bool, std::string>;

/// What a key promises beyond its type. Written with designated initializers beside the struct.
struct FieldDetail {
  double min = -unbounded;
  double max = unbounded;
  bool min_exclusive = false;        ///< the range excludes `min` (e.g. a price index > 0)
  bool nonzero = false;              ///< 0 is refused (a target that divides)
  std::string unit{};                ///< "currency", "share", "months", ...; empty for words and flags
  std::string meaning{};             ///< one line for the reference
  std::string source{};              ///< paper, meta-analysis or data set a behavioural default comes from
  std::vector<std::string> words{};  ///< an enum's words in its order; a flag's words for false, true
  std::string name_set{};            ///< a text that must be a name of this set, supplied by the caller
  bool required = false;             ///< the key must be written (no default applies)
  std::string fixed_in_run{};        ///< why a timeline cannot change it mid-run; empty: it can
};

/// A problem a model's own rules found, at a key path of the document ("segments[1].size").
struct KeyProblem {
  std::string key_path;
  std::string message;
  std::string allowed;
};

/// One scalar key of a section, with type-erased access to its member.
struct FieldDescription {
  std::string key;
  ValueKind kind = ValueKind::number;
  FieldDetail detail{};
  std::function<std::optional<ScalarValue>(const void* section)> get{};  ///< nullopt: absent
  std::function<void(void* section, const ScalarValue& value)> set{};
};

struct SectionDescription;

enum class ChildKind { mapping, optional_mapping, list };

/// What a nested mapping or list promises.
struct ChildDetail {
  std::string meaning{};
  std::size_t min_items = 0;
  std::size_t max_items = std::numeric_limits<std::size_t>::max();
  bool omit_when_empty = false;    ///< a list written only when it has items
  bool omit_when_default = false;  ///< a mapping written only when it differs from its defaults
  std::string item_name_key{};     ///< `--set list.NAME.key` finds the item whose key NAME holds
  std::string item_noun{};         ///< what messages call the items ("segments", "KPIs")
  std::string fixed_in_run{};      ///< why a timeline cannot change any key below it; empty: it can
  std::function<bool(const void* section)> written_when{};  ///< extra rule for writing a mapping
};

/// A nested mapping, an optional mapping (present once written) or a list of mappings.
struct ChildDescription {
  std::string key;
  ChildKind kind = ChildKind::mapping;
  const SectionDescription* section = nullptr;  ///< the mapping's, or each item's, description
  ChildDetail detail{};
  /// The mapping (nullptr for an absent optional one) or, for a list, nullptr.
  std::function<const void*(const void* parent)> get{};
  /// The mapping, created from its defaults when absent; for a list, nullptr.
  std::function<void*(void* parent)> get_or_create{};
  std::function<std::size_t(const void* parent)> size{};  ///< lists only
  std::function<const void*(const void* parent, std::size_t)> item{};
  std::function<void*(void* parent, std::size_t)> mutable_item{};
  std::function<void(void* parent, std::size_t count)> resize{};  ///< new items from their defaults
};

/// A section: its keys and children in the order a resolved scenario writes them.
struct SectionDescription {
  std::string meaning;
  std::vector<std::variant<FieldDescription, ChildDescription>> entries;
  std::function<std::shared_ptr<void>()> make_default;  ///< a default-constructed section
};

namespace detail {

template <typename T>
struct optional_value {
  using type = T;
  static constexpr bool is_optional = false;
};
template <typename T>
struct optional_value<std::optional<T>> {
  using type = T;
  static constexpr bool is_optional = true;
};

template <typename T>
constexpr ValueKind kind_of(const FieldDetail& detail) {
  if constexpr (std::is_same_v<T, bool>) {
    return detail.words.empty() ? ValueKind::boolean : ValueKind::word;
  } else if constexpr (std::is_enum_v<T>) {
    return ValueKind::word;
  } else if constexpr (std::is_same_v<T, std::string>) {
    return ValueKind::text;
  } else if constexpr (std::is_integral_v<T>) {
    return ValueKind::whole_number;
  } else {
    static_assert(std::is_floating_point_v<T>, "a member type the binder cannot hold");
    return ValueKind::number;
  }
}

template <typename T>
ScalarValue to_scalar(const T& value) {
  if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, std::string>) {
    return value;
  } else if constexpr (std::is_enum_v<T>) {
    return static_cast<std::uint64_t>(value);
  } else if constexpr (std::is_integral_v<T>) {
    return static_cast<std::uint64_t>(value);
  } else {
    return static_cast<double>(value);
  }
}

template <typename T>
T from_scalar(const ScalarValue& value) {
  if constexpr (std::is_same_v<T, bool>) {
    // A flag written as words arrives as the word's index: false, true.
    return std::holds_alternative<bool>(value) ? std::get<bool>(value) : std::get<std::uint64_t>(value) != 0;
  } else if constexpr (std::is_same_v<T, std::string>) {
    return std::get<std::string>(value);
  } else if constexpr (std::is_enum_v<T> || std::is_integral_v<T>) {
    return static_cast<T>(std::get<std::uint64_t>(value));
  } else {
    return static_cast<T>(std::get<double>(value));
  }
}

}  // namespace detail

/**
 * Describes a section of type `Section` by naming its members in writing order:
 * @code
 * Describe<ServiceParams>("the service customers receive")
 *     .field("level", &ServiceParams::level, {.min = 0, .max = 1, .unit = "share", .meaning = "..."})
 *     .done();
 * @endcode
 */
template <typename Section>
class Describe {
 public:
  explicit Describe(std::string meaning) {
    description_.meaning = std::move(meaning);
    description_.make_default = [] { return std::static_pointer_cast<void>(std::make_shared<Section>()); };
  }

  template <typename Member>
  Describe& field(std::string key, Member Section::*member, FieldDetail detail = {}) {
    using Value = typename detail::optional_value<Member>::type;
    // A std::optional member is present only when its key is written: get() then says nullopt.
    FieldDescription field{std::move(key), detail::kind_of<Value>(detail), std::move(detail)};
    field.get = [member](const void* section) -> std::optional<ScalarValue> {
      const Member& value = static_cast<const Section*>(section)->*member;
      if constexpr (detail::optional_value<Member>::is_optional) {
        if (!value) return std::nullopt;
        return detail::to_scalar(*value);
      } else {
        return detail::to_scalar(value);
      }
    };
    field.set = [member](void* section, const ScalarValue& value) {
      static_cast<Section*>(section)->*member = detail::from_scalar<Value>(value);
    };
    description_.entries.emplace_back(std::move(field));
    return *this;
  }

  template <typename Child>
  Describe& mapping(std::string key, Child Section::*member, const SectionDescription& section,
                    ChildDetail detail = {}) {
    ChildDescription child{std::move(key), ChildKind::mapping, &section, std::move(detail)};
    child.get = [member](const void* parent) -> const void* {
      return &(static_cast<const Section*>(parent)->*member);
    };
    child.get_or_create = [member](void* parent) -> void* {
      return &(static_cast<Section*>(parent)->*member);
    };
    description_.entries.emplace_back(std::move(child));
    return *this;
  }

  template <typename Child>
  Describe& optional(std::string key, std::optional<Child> Section::*member,
                     const SectionDescription& section, ChildDetail detail = {}) {
    ChildDescription child{std::move(key), ChildKind::optional_mapping, &section, std::move(detail)};
    child.get = [member](const void* parent) -> const void* {
      const auto& value = static_cast<const Section*>(parent)->*member;
      return value ? &*value : nullptr;
    };
    child.get_or_create = [member](void* parent) -> void* {
      auto& value = static_cast<Section*>(parent)->*member;
      if (!value) value.emplace();
      return &*value;
    };
    description_.entries.emplace_back(std::move(child));
    return *this;
  }

  template <typename Item>
  Describe& list(std::string key, std::vector<Item> Section::*member, const SectionDescription& section,
                 ChildDetail detail = {}) {
    ChildDescription child{std::move(key), ChildKind::list, &section, std::move(detail)};
    child.get = [](const void*) -> const void* { return nullptr; };
    child.get_or_create = [](void*) -> void* { return nullptr; };
    child.size = [member](const void* parent) {
      return (static_cast<const Section*>(parent)->*member).size();
    };
    child.item = [member](const void* parent, std::size_t i) -> const void* {
      return &(static_cast<const Section*>(parent)->*member)[i];
    };
    child.mutable_item = [member](void* parent, std::size_t i) -> void* {
      return &(static_cast<Section*>(parent)->*member)[i];
    };
    child.resize = [member](void* parent, std::size_t count) {
      (static_cast<Section*>(parent)->*member).resize(count);
    };
    description_.entries.emplace_back(std::move(child));
    return *this;
  }

  /// Writes the mapping only when `rule` holds for the section that owns it (the last child added).
  Describe& written_when(std::function<bool(const Section&)> rule) {
    auto& child = std::get<ChildDescription>(description_.entries.back());
    child.detail.written_when = [rule = std::move(rule)](const void* parent) {
      return rule(*static_cast<const Section*>(parent));
    };
    return *this;
  }

  [[nodiscard]] SectionDescription done() { return std::move(description_); }

 private:
  SectionDescription description_;
};

}  // namespace salesim::sim::core
