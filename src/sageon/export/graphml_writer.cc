// GraphML for Gephi, networkx, igraph and yEd. Every key is declared before the graph, ids are
// unique, and every value goes through XmlSafe, so the file parses whatever the input held.
//
// networkx refuses a file that mixes directed and undirected edges, so the graph is directed as a
// whole: an actor–actor edge is written once, from the smaller id, and its `kind` ("shares
// events", against a role for actor–event edges) says it has no direction.
#include <libxml/xmlwriter.h>

#include <cmath>
#include <cstdio>
#include <string>

#include "sageon/base/utf8.h"
#include "sageon/export/exporters.h"

namespace sageon {

namespace {

const xmlChar* U(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

// Writes through libxml2's xmlTextWriter into memory; the first failure is kept and reported.
class XmlOut {
 public:
  XmlOut() : buffer_(xmlBufferCreate()) {
    if (buffer_ != nullptr) writer_ = xmlNewTextWriterMemory(buffer_, 0);
    ok_ = writer_ != nullptr;
    if (ok_) {
      Check(xmlTextWriterSetIndent(writer_, 1));
      Check(xmlTextWriterSetIndentString(writer_, U("  ")));
      Check(xmlTextWriterStartDocument(writer_, "1.0", "UTF-8", nullptr));
    }
  }
  ~XmlOut() {
    if (writer_ != nullptr) xmlFreeTextWriter(writer_);
    if (buffer_ != nullptr) xmlBufferFree(buffer_);
  }
  XmlOut(const XmlOut&) = delete;
  XmlOut& operator=(const XmlOut&) = delete;

  void Start(const char* name) {
    if (ok_) Check(xmlTextWriterStartElement(writer_, U(name)));
  }
  void Attr(const char* name, std::string_view value) {
    if (ok_) {
      const std::string safe = XmlSafe(value);
      Check(xmlTextWriterWriteAttribute(writer_, U(name), U(safe.c_str())));
    }
  }
  void Text(std::string_view value) {
    if (ok_) {
      const std::string safe = XmlSafe(value);
      Check(xmlTextWriterWriteString(writer_, U(safe.c_str())));
    }
  }
  void End() {
    if (ok_) Check(xmlTextWriterEndElement(writer_));
  }
  // <name key="...">text</name>, the GraphML data element.
  void Data(const char* key, std::string_view value) {
    Start("data");
    Attr("key", key);
    Text(value);
    End();
  }

  Result<std::string> Finish(std::string_view what) {
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

 private:
  void Check(int rc) {
    if (rc < 0) ok_ = false;
  }
  xmlBufferPtr buffer_ = nullptr;
  xmlTextWriterPtr writer_ = nullptr;
  bool ok_ = false;
};

std::string_view KindOf(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return "person";
    case EntityType::kOrg:
      return "org";
    case EntityType::kLoc:
      return "loc";
    case EntityType::kProduct:
      return "product";
    case EntityType::kEvent:
      return "event";
  }
  return "person";
}

std::string FormatDouble(double value) {
  if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15) {
    return std::to_string(static_cast<long long>(value));
  }
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", value);
  return buffer;
}

struct KeyDecl {
  const char* id;
  const char* domain;
  const char* name;
  const char* type;
};

// Gephi reads the node key named "label" as the node's label and the edge key "weight" as its
// weight.
constexpr KeyDecl kKeys[] = {
    {"d_label", "node", "label", "string"},       {"d_kind", "node", "kind", "string"},
    {"d_type", "node", "type", "string"},         {"d_date", "node", "date", "string"},
    {"d_start", "node", "start", "string"},       {"d_end", "node", "end", "string"},
    {"d_trigger", "node", "trigger", "string"},   {"d_aliases", "node", "aliases", "string"},
    {"d_mentions", "node", "mentions", "long"},   {"d_documents", "node", "documents", "int"},
    {"d_sentence", "node", "sentence", "string"}, {"e_label", "edge", "label", "string"},
    {"e_weight", "edge", "weight", "double"},     {"e_kind", "edge", "kind", "string"},
};

std::string JoinAliases(const std::set<std::string>& aliases) {
  std::string out;
  for (const std::string& a : aliases) {
    if (!out.empty()) out += "|";
    out += a;
  }
  return out;
}

}  // namespace

std::string XmlSafe(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  size_t pos = 0;
  while (pos < value.size()) {
    const size_t start = pos;
    const char32_t c = utf8::Next(value, &pos);
    const std::string_view bytes = value.substr(start, pos - start);
    // Next() reads an invalid byte as U+FFFD: keep a real U+FFFD, drop the stray byte.
    if (c == 0xFFFD && bytes != "\xEF\xBF\xBD") continue;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    if (c == 0xFFFE || c == 0xFFFF) continue;
    out.append(bytes);
  }
  return out;
}

Result<std::string> RenderGraphml(const EventGraph& graph) {
  XmlOut x;
  x.Start("graphml");
  x.Attr("xmlns", "http://graphml.graphdrawing.org/xmlns");
  x.Attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  x.Attr("xsi:schemaLocation",
         "http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
  for (const KeyDecl& k : kKeys) {
    x.Start("key");
    x.Attr("id", k.id);
    x.Attr("for", k.domain);
    x.Attr("attr.name", k.name);
    x.Attr("attr.type", k.type);
    x.End();
  }
  x.Start("graph");
  x.Attr("id", "sageon");
  x.Attr("edgedefault", "directed");
  for (const GraphEntity* e : graph.Actors()) {
    x.Start("node");
    x.Attr("id", e->id);
    x.Data("d_label", e->name);
    x.Data("d_kind", KindOf(e->type));
    x.Data("d_type", EntityTypeName(e->type));
    if (!e->aliases.empty()) x.Data("d_aliases", JoinAliases(e->aliases));
    x.Data("d_mentions", std::to_string(e->mention_count));
    x.Data("d_documents", std::to_string(e->documents.size()));
    x.End();
  }
  for (const GraphEvent* e : graph.Events()) {
    x.Start("node");
    x.Attr("id", e->id);
    x.Data("d_label", e->trigger + " " + e->DateLabel());
    x.Data("d_kind", "event");
    x.Data("d_type", e->type);
    x.Data("d_date", e->DateLabel());
    x.Data("d_start", e->StartIso());
    x.Data("d_end", e->EndIso());
    x.Data("d_trigger", e->trigger);
    x.Data("d_documents", std::to_string(e->documents.size()));
    x.Data("d_sentence", e->sentence);
    x.End();
  }
  size_t n = 0;
  for (const GraphEdge& edge : graph.Edges()) {
    x.Start("edge");
    std::string id = "e";
    id += std::to_string(n++);
    x.Attr("id", id);
    x.Attr("source", edge.source);
    x.Attr("target", edge.target);
    x.Data("e_label", edge.label);
    x.Data("e_weight", FormatDouble(edge.weight));
    x.Data("e_kind", edge.directed ? "role" : "shares events");
    x.End();
  }
  x.End();  // graph
  x.End();  // graphml
  return x.Finish("graph.graphml");
}

}  // namespace sageon
