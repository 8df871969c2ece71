// Errors are values at the library boundary: every fallible call returns a Status or a Result<T>,
// and no exception leaves sageon_core. Messages say where and what ("persons.tsv:12: ...").
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace sageon {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // the caller's fault: a bad option, a malformed date
  kNotFound,         // a file or dictionary that is not there
  kDataError,        // input or dictionary content that cannot be read
  kIoError,          // the operating system refused a read or a write
  kInternal,
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgument(std::string m) {
  return {StatusCode::kInvalidArgument, std::move(m)};
}
inline Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
inline Status DataError(std::string m) { return {StatusCode::kDataError, std::move(m)}; }
inline Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }

// A value or the Status that explains why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design, like std::expected
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    assert(!status_.ok() && "a Result built from a Status must carry an error");
  }

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace sageon

#define SAGEON_RETURN_IF_ERROR(expr)                 \
  do {                                               \
    ::sageon::Status sageon_status_ = (expr);        \
    if (!sageon_status_.ok()) return sageon_status_; \
  } while (0)

#define SAGEON_CONCAT_INNER_(a, b) a##b
#define SAGEON_CONCAT_(a, b) SAGEON_CONCAT_INNER_(a, b)
#define SAGEON_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                  \
  if (!tmp.ok()) return tmp.status();                 \
  lhs = std::move(tmp).value()
// SAGEON_ASSIGN_OR_RETURN(auto x, MakeX()); returns the error Status when MakeX fails.
#define SAGEON_ASSIGN_OR_RETURN(lhs, expr) \
  SAGEON_ASSIGN_OR_RETURN_IMPL_(SAGEON_CONCAT_(sageon_result_, __LINE__), lhs, expr)
