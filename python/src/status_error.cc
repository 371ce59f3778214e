#include "status_error.h"

#include <Python.h>

namespace entente::python {

namespace {

namespace py = pybind11;

// The class in entente.errors for a status code (python/entente/errors.py documents them).
const char* ErrorClassName(StatusCode code) {
  switch (code) {
    case StatusCode::kInvalidArgument:
      return "OptionError";
    case StatusCode::kParseError:
      return "ScenarioError";
    case StatusCode::kIOError:
      return "FileError";
    case StatusCode::kLimitExceeded:
      return "LimitError";
    case StatusCode::kModelFailure:
      return "ModelError";
    case StatusCode::kOk:
    case StatusCode::kInterrupted:
    case StatusCode::kInternal:
      break;
  }
  return "InternalError";
}

}  // namespace

void RegisterStatusTranslator() {
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const StatusError& e) {
      const Status& s = e.status();
      if (s.code() == StatusCode::kInterrupted) {
        PyErr_SetString(PyExc_KeyboardInterrupt, s.message().c_str());
        return;
      }
      py::object cls = py::module_::import("entente.errors").attr(ErrorClassName(s.code()));
      PyErr_SetObject(cls.ptr(), py::str(s.message()).ptr());
    }
  });
}

}  // namespace entente::python
