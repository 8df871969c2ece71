// Writing XML through libxml2's xmlTextWriter, shared by the GraphML and GEXF writers. The text
// goes to a PieceWriter as libxml2 fills its buffer (a few kilobytes at a time), so a file is never
// in memory whole. Every attribute and text goes through XmlSafe, so no input can make the file
// unparsable.
#pragma once

#include <libxml/xmlwriter.h>

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
  bool ok_ = false;
};

// A number as XML attribute text: integers without a decimal point, others with full precision.
std::string FormatNumber(double value);

}  // namespace sageon
