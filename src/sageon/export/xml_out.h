// Writing XML through libxml2's xmlTextWriter into memory, shared by the GraphML and GEXF writers.
// Every attribute and text goes through XmlSafe, so no input can make the file unparsable.
#pragma once

#include <libxml/xmlwriter.h>

#include <string>
#include <string_view>

#include "sageon/base/status.h"

namespace sageon {

// The first libxml2 failure is kept and reported by Finish().
class XmlOut {
 public:
  XmlOut();
  ~XmlOut();
  XmlOut(const XmlOut&) = delete;
  XmlOut& operator=(const XmlOut&) = delete;

  void Start(const char* name);
  void Attr(const char* name, std::string_view value);
  void Text(std::string_view value);
  void End();
  // The document, or an internal error naming `what` ("graph.graphml").
  Result<std::string> Finish(std::string_view what);

 private:
  void Check(int rc) {
    if (rc < 0) ok_ = false;
  }
  xmlBufferPtr buffer_ = nullptr;
  xmlTextWriterPtr writer_ = nullptr;
  bool ok_ = false;
};

// A number as XML attribute text: integers without a decimal point, others with full precision.
std::string FormatNumber(double value);

}  // namespace sageon
