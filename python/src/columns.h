// Tidy column tables handed to Python: a dict of equal-length columns in a fixed order, which
// python/entente/table.py turns into records or a pandas DataFrame.
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace entente::python {

namespace py = pybind11;

// Columns are appended in order; numbers go into numpy arrays, text into lists.
class Columns {
 public:
  void Add(const std::string& name, std::vector<std::string> values) {
    py::list l(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) l[i] = py::str(values[i]);
    Put(name, std::move(l));
  }
  void Add(const std::string& name, const std::vector<double>& values) {
    Put(name, py::array_t<double>(static_cast<py::ssize_t>(values.size()), values.data()));
  }
  void Add(const std::string& name, const std::vector<long long>& values) {
    py::array_t<std::int64_t> a(static_cast<py::ssize_t>(values.size()));
    auto m = a.mutable_unchecked<1>();
    for (std::size_t i = 0; i < values.size(); ++i) m(i) = values[i];
    Put(name, std::move(a));
  }
  void Add(const std::string& name, const std::vector<bool>& values) {
    py::array_t<bool> a(static_cast<py::ssize_t>(values.size()));
    auto m = a.mutable_unchecked<1>();
    for (std::size_t i = 0; i < values.size(); ++i) m(i) = values[i];
    Put(name, std::move(a));
  }
  // Missing values become NaN (as pandas reads an empty CSV cell).
  void Add(const std::string& name, const std::vector<std::optional<double>>& values) {
    std::vector<double> v;
    v.reserve(values.size());
    for (const auto& x : values) v.push_back(x ? *x : std::numeric_limits<double>::quiet_NaN());
    Add(name, v);
  }

  // Adds the column `name` holding field(row) for each row of `rows`, in order, converted to T
  // (one of the element types above). `field` is a data-member pointer (&Row::model) or a
  // callable taking a row.
  template <typename T, typename Rows, typename Field>
  void AddEach(const std::string& name, const Rows& rows, Field field) {
    std::vector<T> values;
    values.reserve(rows.size());
    for (const auto& row : rows) values.push_back(static_cast<T>(std::invoke(field, row)));
    Add(name, std::move(values));
  }

  // (names, {name: column}).
  py::tuple Release() { return py::make_tuple(std::move(names_), std::move(columns_)); }

 private:
  void Put(const std::string& name, py::object column) {
    names_.append(name);
    columns_[py::str(name)] = std::move(column);
  }
  py::list names_;
  py::dict columns_;
};

}  // namespace entente::python
