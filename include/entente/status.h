// Status and Result<T>: the one error type at entente's library boundary.
//
// Library functions never throw for bad user input and never exit; they return a Status (or a
// Result<T> holding either a value or a non-OK Status). Only the CLI's main() maps codes to the
// documented exit codes (docs/manual.md, "Exit codes").
//
// Thread-safety: plain values; safe to copy between threads.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace entente {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // a caller passed options that make no sense (e.g. unknown preset)
  kParseError,       // an input file is malformed or fails validation
  kIOError,          // a file could not be read or written
  kLimitExceeded,    // an input is larger than a configured limit
  kModelFailure,     // a model could not produce a result for a well-formed input
  kInterrupted,      // the user interrupted the run (SIGINT / SIGTERM)
  kInternal,         // a bug: an invariant did not hold
};

// Short lower-case name of a code, e.g. "parse error".
const char* StatusCodeName(StatusCode code);

class Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) {
    return {StatusCode::kInvalidArgument, std::move(m)};
  }
  static Status ParseError(std::string m) { return {StatusCode::kParseError, std::move(m)}; }
  static Status IOError(std::string m) { return {StatusCode::kIOError, std::move(m)}; }
  static Status LimitExceeded(std::string m) { return {StatusCode::kLimitExceeded, std::move(m)}; }
  static Status ModelFailure(std::string m) { return {StatusCode::kModelFailure, std::move(m)}; }
  static Status Interrupted(std::string m) { return {StatusCode::kInterrupted, std::move(m)}; }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  // The full human-readable message; for parse errors it already holds "file:line:col: ...",
  // the offending line and a caret.
  const std::string& message() const { return message_; }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// A value or the Status explaining why there is none.
// REQUIRES: value() only when ok(); status() is OK exactly when a value is held.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT: implicit by design

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace entente
