// GEXF 1.3 for Gephi's timeline: the graph is dynamic, an event node and its edges exist from the
// event's first day to its last (start/end, timeformat "date"), actors exist throughout.
//
// As in the GraphML file, every edge is directed (one reader, networkx, refuses mixed graphs):
// an actor–actor edge is written once, from the smaller id, with kind "shares events".
#include <libxml/xmlwriter.h>

#include <cmath>
#include <cstdio>
#include <string>

#include "sageon/export/exporters.h"

namespace sageon {

namespace {

const xmlChar* U(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

// Writes through libxml2's xmlTextWriter into memory; the first failure is kept and reported.
class GexfOut {
 public:
  GexfOut() : buffer_(xmlBufferCreate()) {
    if (buffer_ != nullptr) writer_ = xmlNewTextWriterMemory(buffer_, 0);
    ok_ = writer_ != nullptr;
    if (ok_) {
      Check(xmlTextWriterSetIndent(writer_, 1));
      Check(xmlTextWriterSetIndentString(writer_, U("  ")));
      Check(xmlTextWriterStartDocument(writer_, "1.0", "UTF-8", nullptr));
    }
  }
  ~GexfOut() {
    if (writer_ != nullptr) xmlFreeTextWriter(writer_);
    if (buffer_ != nullptr) xmlBufferFree(buffer_);
  }
  GexfOut(const GexfOut&) = delete;
  GexfOut& operator=(const GexfOut&) = delete;

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
  void AttValue(const char* attribute, std::string_view value) {
    Start("attvalue");
    Attr("for", attribute);
    Attr("value", value);
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

struct AttributeDecl {
  const char* id;
  const char* type;
};
constexpr AttributeDecl kNodeAttributes[] = {
    {"kind", "string"},    {"type", "string"},   {"date", "string"},       {"trigger", "string"},
    {"aliases", "string"}, {"mentions", "long"}, {"documents", "integer"}, {"sentence", "string"},
};
constexpr AttributeDecl kEdgeAttributes[] = {{"kind", "string"}};

void Declare(GexfOut* x, const char* element_class, const auto& attributes) {
  x->Start("attributes");
  x->Attr("class", element_class);
  x->Attr("mode", "static");
  for (const AttributeDecl& a : attributes) {
    x->Start("attribute");
    x->Attr("id", a.id);
    x->Attr("title", a.id);
    x->Attr("type", a.type);
    x->End();
  }
  x->End();
}

}  // namespace

Result<std::string> RenderGexf(const EventGraph& graph) {
  GexfOut x;
  x.Start("gexf");
  x.Attr("xmlns", "http://gexf.net/1.3");
  x.Attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  x.Attr("xsi:schemaLocation", "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd");
  x.Attr("version", "1.3");
  // No lastmodifieddate: the same input must give the same bytes.
  x.Start("meta");
  x.Start("creator");
  x.Text("sageon " SAGEON_VERSION);
  x.End();
  x.Start("description");
  x.Text("Actors and events extracted from Korean posts and articles");
  x.End();
  x.End();

  x.Start("graph");
  x.Attr("defaultedgetype", "directed");
  x.Attr("mode", "dynamic");
  x.Attr("timeformat", "date");
  Declare(&x, "node", kNodeAttributes);
  Declare(&x, "edge", kEdgeAttributes);

  std::map<std::string, const GraphEvent*> events_by_id;
  x.Start("nodes");
  for (const GraphEntity* e : graph.Actors()) {
    x.Start("node");
    x.Attr("id", e->id);
    x.Attr("label", e->name);
    x.Start("attvalues");
    x.AttValue("kind", KindOf(e->type));
    x.AttValue("type", EntityTypeName(e->type));
    if (!e->aliases.empty()) {
      std::string aliases;
      for (const std::string& a : e->aliases) aliases += (aliases.empty() ? "" : "|") + a;
      x.AttValue("aliases", aliases);
    }
    x.AttValue("mentions", std::to_string(e->mention_count));
    x.AttValue("documents", std::to_string(e->documents.size()));
    x.End();
    x.End();
  }
  for (const GraphEvent* e : graph.Events()) {
    events_by_id.emplace(e->id, e);
    x.Start("node");
    x.Attr("id", e->id);
    x.Attr("label", e->trigger + " " + e->DateLabel());
    x.Attr("start", e->StartIso());
    x.Attr("end", e->EndIso());
    x.Start("attvalues");
    x.AttValue("kind", "event");
    x.AttValue("type", e->type);
    x.AttValue("date", e->DateLabel());
    x.AttValue("trigger", e->trigger);
    x.AttValue("documents", std::to_string(e->documents.size()));
    x.AttValue("sentence", e->sentence);
    x.End();
    x.End();
  }
  x.End();  // nodes

  x.Start("edges");
  size_t n = 0;
  for (const GraphEdge& edge : graph.Edges()) {
    x.Start("edge");
    x.Attr("id", std::to_string(n++));
    x.Attr("source", edge.source);
    x.Attr("target", edge.target);
    x.Attr("label", edge.label);
    x.Attr("weight", FormatDouble(edge.weight));
    // An actor–event edge lives as long as its event.
    if (auto it = events_by_id.find(edge.target); it != events_by_id.end()) {
      x.Attr("start", it->second->StartIso());
      x.Attr("end", it->second->EndIso());
    }
    x.Start("attvalues");
    x.AttValue("kind", edge.directed ? "role" : "shares events");
    x.End();
    x.End();
  }
  x.End();  // edges
  x.End();  // graph
  x.End();  // gexf
  return x.Finish("graph.gexf");
}

}  // namespace sageon
