// entente._core: the compiled half of the `entente` Python package. The public API is the pure
// Python layer in python/entente/ (docs/python.md); this module holds the bindings to the C++
// library, one file per concept.
#include <pybind11/pybind11.h>

#include "status_error.h"

namespace entente::python {
void BindScenario(pybind11::module_& m);
void BindRuns(pybind11::module_& m);
void BindBacktest(pybind11::module_& m);
void BindSweep(pybind11::module_& m);
}  // namespace entente::python

PYBIND11_MODULE(_core, m) {
  m.doc() = "entente's C++ engine (use the `entente` package, not this module)";
  m.attr("__version__") = ENTENTE_VERSION;
  entente::python::RegisterStatusTranslator();
  entente::python::BindScenario(m);
  entente::python::BindRuns(m);
  entente::python::BindBacktest(m);
  entente::python::BindSweep(m);
}
