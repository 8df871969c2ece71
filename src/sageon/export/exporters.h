// Stage 8: the files a run writes, rendered from the merged EventGraph. Each function returns the
// whole file's content; WriteFileAtomically puts it in place so an interrupted run never leaves a
// half-written file.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "sageon/base/status.h"
#include "sageon/graph/event_graph.h"

namespace sageon {

// RFC 4180 CSV, UTF-8, CRLF-free ("\n" line ends), header first, fixed column order.
// events.csv: date, grain, type, trigger, actors, doc, sentence (and end_date, sources).
std::string RenderEventsCsv(const EventGraph& graph);
// entities.csv: id, type, name, aliases, mentions, documents.
std::string RenderEntitiesCsv(const EventGraph& graph);
// Gephi's spreadsheet format: nodes.csv (Id, Label, Type, ...) and edges.csv (Source, Target,
// Type, Weight, Label, ...).
std::string RenderNodesCsv(const EventGraph& graph);
std::string RenderEdgesCsv(const EventGraph& graph);
// GraphML with declared keys (label, weight, ...), unique ids, no XML-forbidden characters.
Result<std::string> RenderGraphml(const EventGraph& graph);
// GEXF 1.3, dynamic: event nodes and their edges carry their dates as spells.
Result<std::string> RenderGexf(const EventGraph& graph);

// Quotes one CSV cell when RFC 4180 requires it.
std::string CsvCell(std::string_view value);
// Drops the characters XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF) from UTF-8 text.
std::string XmlSafe(std::string_view value);

// Writes `content` to `path` through a temporary file in the same directory and a rename.
Status WriteFileAtomically(const std::string& path, std::string_view content);
// The same for a file written in pieces: `produce` calls its argument with each piece in turn, so
// a large file never has to be in memory whole.
using PieceWriter = std::function<Status(std::string_view)>;
Status WriteFileAtomically(const std::string& path,
                           const std::function<Status(const PieceWriter&)>& produce);

}  // namespace sageon
