#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

#include "entente/io.h"

namespace entente {

Result<std::string> ReadFile(const std::string& path, std::size_t max_bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::IOError(path + ": cannot open for reading: " + std::strerror(errno));
  }
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  if (size < 0) return Status::IOError(path + ": cannot determine the file size");
  if (static_cast<std::size_t>(size) > max_bytes) {
    return Status::LimitExceeded(path + ": file is " + std::to_string(size) +
                                 " bytes, over the limit of " + std::to_string(max_bytes) +
                                 " bytes (raise it with --max-file-bytes)");
  }
  in.seekg(0, std::ios::beg);
  std::string text(static_cast<std::size_t>(size), '\0');
  if (size > 0 && !in.read(text.data(), size)) {
    return Status::IOError(path + ": read failed");
  }
  return text;
}

namespace {

// Writes all of `contents` to `fd`; errno is set when it returns false.
bool WriteAll(int fd, const std::string& contents) {
  std::size_t written = 0;
  while (written < contents.size()) {
    const ssize_t n = ::write(fd, contents.data() + written, contents.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    written += static_cast<std::size_t>(n);
  }
  return true;
}

// A device or pipe named as output (/dev/null, /dev/stdout, a FIFO): there is no file to
// replace, so write to it in place.
Status WriteToSpecialFile(const std::string& path, const std::string& contents) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return Status::IOError(path + ": cannot open for writing: " + std::strerror(errno));
  if (!WriteAll(fd, contents)) {
    const std::string why = std::strerror(errno);
    ::close(fd);
    return Status::IOError(path + ": write failed: " + why);
  }
  if (::close(fd) != 0) return Status::IOError(path + ": write failed: " + std::strerror(errno));
  return Status::Ok();
}

}  // namespace

Status WriteFileAtomically(const std::string& path, const std::string& contents) {
  struct stat target;
  if (::stat(path.c_str(), &target) == 0 && !S_ISREG(target.st_mode)) {
    if (S_ISDIR(target.st_mode)) {
      return Status::IOError(path + ": is a directory; expected a file name to write");
    }
    return WriteToSpecialFile(path, contents);
  }
  const std::string tmp = path + ".tmp." + std::to_string(::getpid());
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    return Status::IOError(path + ": cannot create output file: " + std::strerror(errno));
  }
  // A full disk may surface at write, fsync or close; each leaves `path` untouched.
  const char* failed = nullptr;
  int error = 0;
  if (!WriteAll(fd, contents)) {
    failed = "write failed";
    error = errno;
  } else if (::fsync(fd) != 0) {
    failed = "cannot flush output file";
    error = errno;
  }
  if (::close(fd) != 0 && failed == nullptr) {
    failed = "cannot flush output file";
    error = errno;
  }
  if (failed != nullptr) {
    ::unlink(tmp.c_str());
    return Status::IOError(path + ": " + failed + ": " + std::strerror(error) +
                           " (nothing written; an existing file is unchanged)");
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    ::unlink(tmp.c_str());
    return Status::IOError(path + ": cannot replace output file: " + why);
  }
  return Status::Ok();
}

}  // namespace entente
