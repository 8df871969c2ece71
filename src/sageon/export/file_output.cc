#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "sageon/export/exporters.h"

namespace sageon {

namespace {

std::string Errno() { return std::strerror(errno); }

}  // namespace

// A reader of `path` sees the old file or the new one, never half of one: the content goes to a
// temporary file beside it (same directory, so the rename stays on one file system), is synced,
// and is renamed over `path`.
Status WriteFileAtomically(const std::string& path, std::string_view content) {
  const std::string tmp = path + ".tmp." + std::to_string(static_cast<long>(::getpid()));
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return IoError("cannot write " + path + ": " + Errno());
  auto fail = [&](const std::string& what) {
    const std::string message = "cannot write " + path + ": " + what + ": " + Errno();
    ::close(fd);
    ::unlink(tmp.c_str());
    return IoError(message);
  };
  size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("write");
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 && errno != EINVAL && errno != EROFS) return fail("fsync");
  if (::close(fd) != 0) {
    const std::string message = "cannot write " + path + ": close: " + Errno();
    ::unlink(tmp.c_str());
    return IoError(message);
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const std::string message = "cannot write " + path + ": rename: " + Errno();
    ::unlink(tmp.c_str());
    return IoError(message);
  }
  return Status::Ok();
}

}  // namespace sageon
