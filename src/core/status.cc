#include "entente/status.h"

namespace entente {

const char* StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kInvalidArgument: return "invalid argument";
    case StatusCode::kParseError: return "invalid input";
    case StatusCode::kIOError: return "i/o error";
    case StatusCode::kLimitExceeded: return "limit exceeded";
    case StatusCode::kModelFailure: return "model failure";
    case StatusCode::kInterrupted: return "interrupted";
    case StatusCode::kInternal: return "internal error";
  }
  return "unknown";
}

}  // namespace entente
