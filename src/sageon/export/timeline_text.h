// The readable timeline `sageon timeline` prints: one event a line, sorted by date.
#pragma once

#include <string>

#include "sageon/export/exporters.h"
#include "sageon/graph/event_graph.h"

namespace sageon {

// "2023-11-17  해임 (dismissal)  샘 알트먼 (patient), 오픈AI (agent)  [doc]", given to `write`
// in pieces as the lines are made, like the files of a run.
Status WriteTimelineText(const EventGraph& graph, const PieceWriter& write);

}  // namespace sageon
