// Library Status -> Python exception. Binding code calls Unwrap / ThrowIfError; a registered
// translator turns the C++ StatusError into the entente.errors class for its StatusCode
// (python/entente/errors.py) with exactly the message the CLI prints (Status::message()).
#pragma once

#include <pybind11/pybind11.h>

#include <exception>
#include <optional>
#include <string>
#include <utility>

#include "entente/status.h"

namespace entente::python {

// Carries a non-OK Status from binding code to the translator.
class StatusError : public std::exception {
 public:
  explicit StatusError(Status status) : status_(std::move(status)) {}
  const Status& status() const { return status_; }
  const char* what() const noexcept override { return status_.message().c_str(); }

 private:
  Status status_;
};

// Throws StatusError when `status` is not OK.
inline void ThrowIfError(const Status& status) {
  if (!status.ok()) throw StatusError(status);
}

// Throws StatusError(Status::InvalidArgument(message)): an argument the CLI would refuse with
// the same message (raised as entente.OptionError).
[[noreturn]] inline void ThrowInvalidArgument(const std::string& message) {
  throw StatusError(Status::InvalidArgument(message));
}

// The value of `result`, or throws StatusError with its status.
template <typename T>
T Unwrap(Result<T> result) {
  ThrowIfError(result.status());
  return std::move(result).value();
}

// Runs `work` (a callable returning Result<T>) with the GIL released, raises a Ctrl-C that
// arrived meanwhile as Python's KeyboardInterrupt, then returns the value as Unwrap does.
template <typename Work>
auto UnwrapWithoutGil(Work work) {
  std::optional<decltype(work())> result;
  {
    pybind11::gil_scoped_release release;
    result.emplace(work());
  }
  if (PyErr_CheckSignals() != 0) throw pybind11::error_already_set();
  return Unwrap(std::move(*result));
}

// Registers the translator (once, in the module initializer).
void RegisterStatusTranslator();

}  // namespace entente::python
