#include "sageon/export/xml_out.h"

#include <cmath>
#include <cstdio>

#include "sageon/export/exporters.h"

namespace sageon {

namespace {
const xmlChar* U(const char* s) { return reinterpret_cast<const xmlChar*>(s); }
void PrintNothing(void* /*context*/, const char* /*format*/, ...) {}
}  // namespace

XmlOut::XmlOut(const PieceWriter& write)
    : write_(write),
      saved_error_printer_(xmlGenericError),
      saved_error_context_(xmlGenericErrorContext) {
  xmlSetGenericErrorFunc(nullptr, PrintNothing);
  xmlOutputBufferPtr out = xmlOutputBufferCreateIO(&XmlOut::Write, nullptr, this, nullptr);
  if (out != nullptr) {
    writer_ = xmlNewTextWriter(out);
    if (writer_ == nullptr) xmlOutputBufferClose(out);
  }
  ok_ = writer_ != nullptr;
  if (ok_) {
    Check(xmlTextWriterSetIndent(writer_, 1));
    Check(xmlTextWriterSetIndentString(writer_, U("  ")));
    Check(xmlTextWriterStartDocument(writer_, "1.0", "UTF-8", nullptr));
  }
}

XmlOut::~XmlOut() {
  if (writer_ != nullptr) xmlFreeTextWriter(writer_);
  xmlSetGenericErrorFunc(saved_error_context_, saved_error_printer_);
}

int XmlOut::Write(void* context, const char* buffer, int length) {
  auto* self = static_cast<XmlOut*>(context);
  if (!self->write_status_.ok()) return -1;
  self->write_status_ = self->write_(std::string_view(buffer, static_cast<size_t>(length)));
  return self->write_status_.ok() ? length : -1;
}

void XmlOut::Start(const char* name) {
  if (ok_) Check(xmlTextWriterStartElement(writer_, U(name)));
}

const char* XmlOut::Safe(std::string_view value) {
  safe_.clear();
  AppendXmlSafe(value, &safe_);
  return safe_.c_str();
}

void XmlOut::Attr(const char* name, std::string_view value) {
  if (ok_) Check(xmlTextWriterWriteAttribute(writer_, U(name), U(Safe(value))));
}

void XmlOut::Text(std::string_view value) {
  if (ok_) Check(xmlTextWriterWriteString(writer_, U(Safe(value))));
}

void XmlOut::End() {
  if (ok_) Check(xmlTextWriterEndElement(writer_));
}

Status XmlOut::Finish(std::string_view what) {
  if (ok_) Check(xmlTextWriterEndDocument(writer_));
  if (ok_) Check(xmlTextWriterFlush(writer_));
  if (writer_ != nullptr) {
    xmlFreeTextWriter(writer_);  // closes the output, after the flush: nothing is left to write
    writer_ = nullptr;
  }
  if (!write_status_.ok()) return write_status_;
  if (!ok_) {
    return Status(StatusCode::kInternal, std::string(what) + ": libxml2 could not write the XML");
  }
  return Status::Ok();
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
