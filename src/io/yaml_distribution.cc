// ReadUncertainNumber: the distribution syntax of docs/formats/scenario.md, "Uncertain inputs".
#include "io/yaml_distribution.h"

#include <cmath>
#include <string>
#include <vector>

#include "entente/uncertainty.h"
#include "io/diagnostic.h"
#include "io/scenario_keys.h"

namespace entente::io {
namespace {


// "must be in [0, 100]" or, for an unbounded field, "must be >= 0".
std::string RangeText(FieldRange range) {
  if (std::isinf(range.high)) return "must be >= " + FormatNumber(range.low);
  return "must be in [" + FormatNumber(range.low) + ", " + FormatNumber(range.high) + "]";
}

Status CheckRange(const YamlFile& file, const YAML::Mark& mark, const std::string& what,
                  double value, FieldRange range) {
  if (value >= range.low && value <= range.high) return Status::Ok();
  return file.Error(mark, what + " " + RangeText(range) + ", got " + FormatNumber(value));
}

// A list of numbers under `entry`. `shape` is how the expected list is written in messages
// ("[low, high]"); `names` name its items ("low", "high"), or are empty for a list of one or
// more estimates.
Status ReadNumbers(const YamlFile& file, const YamlEntry& entry, const std::string& what,
                   std::string_view shape, const std::vector<std::string>& names,
                   std::vector<double>* out, std::vector<YAML::Mark>* marks) {
  const std::size_t count = names.size();
  if (!entry.value.IsSequence()) {
    return file.Error(entry.mark(), what + ": expected " + std::string(shape) + ", got " +
                                        DescribeNode(entry.value));
  }
  const std::size_t n = entry.value.size();
  if (count != 0 && n != count) {
    return file.Error(entry.mark(), what + ": expected " + std::string(shape) + ", got a list of " +
                                        std::to_string(n) + (n == 1 ? " item" : " items"));
  }
  if (count == 0 && n == 0) {
    return file.Error(entry.mark(), what + " must list at least one estimate, got none");
  }
  for (std::size_t i = 0; i < n; ++i) {
    const YAML::Node item = entry.value[i];
    const YAML::Mark mark = item.Mark().is_null() ? entry.mark() : item.Mark();
    double v = 0.0;
    const std::string item_name = count == 0 ? "estimate #" + std::to_string(i + 1) : names[i];
    if (Status s = ReadNumber(file, item, mark, item_name + " of the " + what, &v); !s.ok())
      return s;
    out->push_back(v);
    marks->push_back(mark);
  }
  return Status::Ok();
}

}  // namespace

Status ReadUncertainNumber(const YamlFile& file, const YamlEntry& entry, std::string_view field,
                           FieldRange range, double* value,
                           std::optional<Distribution>* distribution) {
  distribution->reset();
  if (!entry.value.IsMap()) return ReadNumber(file, entry, field, value);

  const std::string name(field);
  Result<YamlMap> map = YamlMap::Read(file, entry.value, entry.mark(), name, kDistributionKeys);
  if (!map.ok()) return map.status();
  const YamlEntry* kind = nullptr;
  const YamlEntry* extra = nullptr;
  int kinds = 0;
  for (const YamlEntry& e : map->entries()) {
    if (e.key == "bootstrap") continue;
    if (kind == nullptr) {
      kind = &e;
    } else if (extra == nullptr) {
      extra = &e;
    }
    ++kinds;
  }
  if (kinds != 1) {
    return file.Error(kinds == 0 ? map->mark() : extra->key_mark,
                      name +
                          ": expected exactly one of uniform, triangular, normal, experts, got " +
                          (kinds == 0 ? std::string("none") : std::to_string(kinds)));
  }
  const YamlEntry* bootstrap = map->Find("bootstrap");
  if (bootstrap != nullptr && kind->key != "experts") {
    return file.Error(bootstrap->key_mark,
                      name + ": 'bootstrap' applies only to 'experts', not to " + Quoted(kind->key));
  }

  Distribution d;
  d.low = range.low;
  d.high = range.high;
  const std::string what = kind->key + " " + name;  // "uniform position of 'usa' on 'timing'"
  std::vector<double> v;
  std::vector<YAML::Mark> marks;
  if (kind->key == "uniform" || kind->key == "triangular") {
    const bool tri = kind->key == "triangular";
    const std::vector<std::string> names = tri ? std::vector<std::string>{"low", "mode", "high"}
                                               : std::vector<std::string>{"low", "high"};
    if (Status s = ReadNumbers(file, *kind, what, tri ? "[low, mode, high]" : "[low, high]", names,
                               &v, &marks);
        !s.ok())
      return s;
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (Status s = CheckRange(file, marks[i], names[i] + " of the " + what, v[i], range); !s.ok())
        return s;
    }
    d.kind = tri ? Distribution::Kind::kTriangular : Distribution::Kind::kUniform;
    d.low = v.front();
    d.high = v.back();
    if (!(d.high > d.low)) {
      return file.Error(marks.back(), what + ": high must be greater than low, got low " +
                                          FormatNumber(d.low) + " and high " +
                                          FormatNumber(d.high));
    }
    if (tri) {
      d.mode = v[1];
      if (d.mode < d.low || d.mode > d.high) {
        return file.Error(marks[1], what + ": mode must be in [low, high] = [" +
                                        FormatNumber(d.low) + ", " + FormatNumber(d.high) +
                                        "], got " + FormatNumber(d.mode));
      }
    }
  } else if (kind->key == "normal") {
    if (Status s = ReadNumbers(file, *kind, what, "[mean, sd]", {"mean", "sd"}, &v, &marks);
        !s.ok())
      return s;
    if (Status s = CheckRange(file, marks[0], "mean of the " + what, v[0], range); !s.ok())
      return s;
    if (!(v[1] > 0.0)) {
      return file.Error(marks[1], "sd of the " + what + " must be > 0, got " + FormatNumber(v[1]));
    }
    d.kind = Distribution::Kind::kNormal;
    d.mean = v[0];
    d.sd = v[1];
  } else {  // experts
    if (Status s = ReadNumbers(file, *kind, what, "a list of estimates", {}, &v, &marks); !s.ok())
      return s;
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (Status s =
              CheckRange(file, marks[i], "estimate #" + std::to_string(i + 1) + " of the " + what,
                         v[i], range);
          !s.ok())
        return s;
    }
    d.kind = Distribution::Kind::kExperts;
    d.estimates = std::move(v);
    if (bootstrap != nullptr) {
      if (Status s = ReadBool(file, bootstrap->value, bootstrap->mark(), "bootstrap of " + name,
                              &d.bootstrap);
          !s.ok())
        return s;
    }
  }
  *value = PointValue(d);
  *distribution = std::move(d);
  return Status::Ok();
}

void ScaleDistribution(Distribution* d, double divisor) {
  d->low /= divisor;
  d->high /= divisor;
  d->mode /= divisor;
  d->mean /= divisor;
  d->sd /= divisor;
  for (double& e : d->estimates) e /= divisor;
}

}  // namespace entente::io
