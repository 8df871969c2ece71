// The CSV files of a run: events.csv and entities.csv for people who read them in a spreadsheet,
// nodes.csv and edges.csv in the layout Gephi's spreadsheet import expects.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "sageon/export/exporters.h"

namespace sageon {

namespace {

std::string Join(const auto& values, std::string_view separator) {
  std::string out;
  for (const auto& v : values) {
    if (!out.empty()) out += separator;
    out += v;
  }
  return out;
}

// A CSV cell, quoted when RFC 4180 requires it, appended to `out`.
void AppendCsvCell(std::string_view value, std::string* out) {
  // One pass with one comparison chain a byte (find_first_of searches the set for every byte).
  const bool quoted = std::any_of(value.begin(), value.end(), [](char c) {
    return c == ',' || c == '"' || c == '\n' || c == '\r';
  });
  if (!quoted) {
    out->append(value);
    return;
  }
  out->push_back('"');
  for (const char c : value) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

// The rows of one file. Cells go through XmlSafe too: a control character or a stray byte from a
// broken input has no place in a file that spreadsheets and Gephi open as UTF-8. The buffers are
// kept from row to row, so a row allocates nothing.
class CsvRows {
 public:
  explicit CsvRows(const PieceWriter& write) : out_(write) {}

  void Row(std::initializer_list<std::string_view> cells) {
    row_.clear();
    bool first = true;
    for (std::string_view cell : cells) {
      if (!first) row_.push_back(',');
      first = false;
      safe_.clear();
      AppendXmlSafe(cell, &safe_);
      AppendCsvCell(safe_, &row_);
    }
    row_.push_back('\n');
    out_.Append(row_);
  }
  Status Finish() { return out_.Finish(); }

 private:
  PieceBuffer out_;
  std::string row_, safe_;
};

// CollectPieces for the CSV files, which cannot fail to render: empty if they ever did.
std::string Collect(Status (*write_file)(const EventGraph&, const PieceWriter&),
                    const EventGraph& graph) {
  Result<std::string> content = CollectPieces(write_file, graph);
  return content.ok() ? std::move(content).value() : std::string();
}

int RoleOrder(Role role) { return static_cast<int>(role); }

// Whole weights print as integers ("3"), others with enough digits to read back.
std::string FormatWeight(double weight) {
  if (std::isfinite(weight) && weight == std::floor(weight) && std::fabs(weight) < 1e15) {
    return std::to_string(static_cast<long long>(weight));
  }
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", weight);
  return buffer;
}

// "샘 알트먼 (patient); 오픈AI (agent)": agents first, then by name, so a reader sees who acted.
std::string ActorsCell(const EventGraph& graph, const GraphEvent& event) {
  struct Item {
    Role role;
    std::string name;
    std::string id;
  };
  std::vector<Item> items;
  for (const GraphEventActor& a : event.actors) {
    const GraphEntity* e = graph.FindEntity(a.entity_id);
    items.push_back(Item{a.role, e != nullptr ? e->name : a.entity_id, a.entity_id});
  }
  std::sort(items.begin(), items.end(), [](const Item& x, const Item& y) {
    if (x.role != y.role) return RoleOrder(x.role) < RoleOrder(y.role);
    return x.name != y.name ? x.name < y.name : x.id < y.id;
  });
  std::string out;
  for (const Item& item : items) {
    if (!out.empty()) out += "; ";
    out += item.name + " (" + std::string(RoleName(item.role)) + ")";
  }
  return out;
}

}  // namespace

std::string CsvCell(std::string_view value) {
  std::string out;
  AppendCsvCell(value, &out);
  return out;
}

Status WriteEventsCsv(const EventGraph& graph, const PieceWriter& write) {
  CsvRows out(write);
  out.Row({"date", "end_date", "grain", "type", "trigger", "realis", "actors", "doc", "sentence",
           "sources"});
  for (const GraphEvent* e : graph.Events()) {
    std::string date, end_date;
    std::string_view grain;
    if (!e->is_interval) {
      date = e->value.Iso();
      grain = GrainName(e->value.grain);
    } else {
      date = e->from ? e->from->Iso() : "..";
      end_date = e->to ? e->to->Iso() : "..";
      grain = GrainName(e->from ? e->from->grain : e->to ? e->to->grain : e->value.grain);
    }
    out.Row({date, end_date, grain, e->type, e->trigger, RealisName(e->realis),
             ActorsCell(graph, *e), graph.DocumentId(e->first_document), e->sentence,
             Join(graph.DocumentIds(e->documents), "; ")});
  }
  return out.Finish();
}

Status WriteEntitiesCsv(const EventGraph& graph, const PieceWriter& write) {
  CsvRows out(write);
  out.Row({"id", "type", "name", "aliases", "mentions", "documents"});
  for (const GraphEntity* e : graph.Entities()) {
    // Aliases are separated by '|' as in a gazetteer, so the file can be edited into one.
    out.Row({e->id, EntityTypeName(e->type), e->name, Join(e->aliases, "|"),
             std::to_string(e->mention_count), Join(graph.DocumentIds(e->documents), "; ")});
  }
  return out.Finish();
}

Status WriteNodesCsv(const EventGraph& graph, const PieceWriter& write) {
  CsvRows out(write);
  out.Row({"Id", "Label", "Type", "Kind", "Date", "Start", "End", "Documents"});
  for (const GraphEntity* e : graph.Actors()) {
    out.Row({e->id, e->name, EntityTypeName(e->type), EntityKindName(e->type), "", "", "",
             std::to_string(e->documents.size())});
  }
  for (const GraphEvent* e : graph.Events()) {
    out.Row({e->id, e->trigger + " " + e->DateLabel(), e->type, "event", e->DateLabel(),
             e->StartIso(), e->EndIso(), std::to_string(e->documents.size())});
  }
  return out.Finish();
}

Status WriteEdgesCsv(const EventGraph& graph, const PieceWriter& write) {
  CsvRows out(write);
  out.Row({"Source", "Target", "Type", "Weight", "Label"});
  for (const GraphEdge& edge : graph.Edges()) {
    out.Row({edge.source, edge.target, edge.directed ? "Directed" : "Undirected",
             FormatWeight(edge.weight), edge.label});
  }
  return out.Finish();
}

std::string RenderEventsCsv(const EventGraph& graph) { return Collect(WriteEventsCsv, graph); }
std::string RenderEntitiesCsv(const EventGraph& graph) { return Collect(WriteEntitiesCsv, graph); }
std::string RenderNodesCsv(const EventGraph& graph) { return Collect(WriteNodesCsv, graph); }
std::string RenderEdgesCsv(const EventGraph& graph) { return Collect(WriteEdgesCsv, graph); }

}  // namespace sageon
