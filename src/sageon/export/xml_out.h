// Writing XML through libxml2's xmlTextWriter, shared by the GraphML and GEXF writers. The text
// goes to a PieceWriter as libxml2 fills its buffer (a few kilobytes at a time), so a file is never
// in memory whole. Every attribute and text goes through XmlSafe, so no input can make the file
// unparsable.
#pragma once

#include <libxml/xmlwriter.h>

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

#include "sageon/base/status.h"
#include "sageon/export/exporters.h"

namespace sageon {

// The first failure, of libxml2 or of `write`, is kept and reported by Finish().
class XmlOut {
 public:
  explicit XmlOut(const PieceWriter& write);
  ~XmlOut();
  XmlOut(const XmlOut&) = delete;
  XmlOut& operator=(const XmlOut&) = delete;

  void Start(const char* name);
  void Attr(const char* name, std::string_view value);
  void Text(std::string_view value);
  void End();
  // Ends the document and writes what libxml2 still holds; the failure of `write`, else an
  // internal error naming `what` ("graph.graphml") when libxml2 failed.
  Status Finish(std::string_view what);

 private:
  // libxml2's output callback: hands `length` bytes to write_.
  static int Write(void* context, const char* buffer, int length);
  // `value` through XmlSafe, with the terminating NUL libxml2 needs, in safe_ (valid until the
  // next call): one buffer serves every value, so writing a value allocates nothing.
  const char* Safe(std::string_view value);
  void Check(int rc) {
    if (rc < 0) ok_ = false;
  }

  const PieceWriter& write_;
  Status write_status_;
  // libxml2 prints a failed write on stderr itself; Finish reports it, so the printer is silenced
  // while this writer lives (libxml2 keeps it per thread) and put back after.
  xmlGenericErrorFunc saved_error_printer_;
  void* saved_error_context_;
  xmlTextWriterPtr writer_ = nullptr;
  std::string safe_;
  bool ok_ = false;
};

// A number as XML attribute text: integers without a decimal point, others with full precision.
std::string FormatNumber(double value);

// The decimal digits of a count, held in place of a std::string made only to be written.
class Decimal {
 public:
  explicit Decimal(uint64_t value)
      : size_(static_cast<size_t>(std::to_chars(digits_, digits_ + sizeof digits_, value).ptr -
                                  digits_)) {}
  operator std::string_view() const { return std::string_view(digits_, size_); }

 private:
  char digits_[24];
  size_t size_;
};

}  // namespace sageon
