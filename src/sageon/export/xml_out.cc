#include "sageon/export/xml_out.h"

#include <cmath>
#include <cstdio>

#include "sageon/export/exporters.h"

namespace sageon {

namespace {
const xmlChar* U(const char* s) { return reinterpret_cast<const xmlChar*>(s); }
}  // namespace

XmlOut::XmlOut() : buffer_(xmlBufferCreate()) {
  if (buffer_ != nullptr) writer_ = xmlNewTextWriterMemory(buffer_, 0);
  ok_ = writer_ != nullptr;
  if (ok_) {
    Check(xmlTextWriterSetIndent(writer_, 1));
    Check(xmlTextWriterSetIndentString(writer_, U("  ")));
    Check(xmlTextWriterStartDocument(writer_, "1.0", "UTF-8", nullptr));
  }
}

XmlOut::~XmlOut() {
  if (writer_ != nullptr) xmlFreeTextWriter(writer_);
  if (buffer_ != nullptr) xmlBufferFree(buffer_);
}

void XmlOut::Start(const char* name) {
  if (ok_) Check(xmlTextWriterStartElement(writer_, U(name)));
}

void XmlOut::Attr(const char* name, std::string_view value) {
  if (ok_) {
    const std::string safe = XmlSafe(value);
    Check(xmlTextWriterWriteAttribute(writer_, U(name), U(safe.c_str())));
  }
}

void XmlOut::Text(std::string_view value) {
  if (ok_) {
    const std::string safe = XmlSafe(value);
    Check(xmlTextWriterWriteString(writer_, U(safe.c_str())));
  }
}

void XmlOut::End() {
  if (ok_) Check(xmlTextWriterEndElement(writer_));
}

Result<std::string> XmlOut::Finish(std::string_view what) {
  if (ok_) Check(xmlTextWriterEndDocument(writer_));
  if (writer_ != nullptr) {
    xmlFreeTextWriter(writer_);  // flushes into the buffer
    writer_ = nullptr;
  }
  if (!ok_ || buffer_ == nullptr) {
    return Status(StatusCode::kInternal, std::string(what) + ": libxml2 could not write the XML");
  }
  return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer_)),
                     static_cast<size_t>(xmlBufferLength(buffer_)));
}

std::string FormatNumber(double value) {
  if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15) {
    return std::to_string(static_cast<long long>(value));
  }
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", value);
  return buffer;
}

}  // namespace sageon
