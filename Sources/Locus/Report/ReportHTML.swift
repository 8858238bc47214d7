import Foundation

/// Renders a `ReportDocument` as one self-contained HTML page: inline CSS, inline SVG and a few lines of
/// inline script (zoom and pan); no network resource of any kind, readable offline and printable.
/// Every figure is also in a `data-value` attribute next to a `data-figure` name, for tests and scrapers.
enum ReportHTML {
    static func render(_ document: ReportDocument) -> String {
        let tally = document.tally
        var html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Locus quality report: \(escapeHTML(document.inputName))</title>
            <style>\(style)</style>
            </head><body>
            <header><h1>Geocoding quality report</h1>
            <p class="file">\(escapeHTML(document.inputName))</p>\(provenance(document))</header>

            """
        html += warnings(document)
        html += headline(tally)
        html += "<section class=\"mapsection\"><h2>Where the located rows are</h2><div class=\"mapwrap\">"
        html += "<div class=\"map\">\(document.map.svg)<div class=\"controls\"><button type=\"button\" data-zoom=\"in\" title=\"Zoom in\">+</button>"
            + "<button type=\"button\" data-zoom=\"out\" title=\"Zoom out\">−</button><button type=\"button\" data-zoom=\"reset\" title=\"Whole map\">⟲</button></div></div>"
        html += "<aside class=\"legendbox\">\(document.map.legend)"
        html += "<p class=\"legend-note\">Scroll or use + and − to zoom, drag to pan.</p>"
        for note in document.map.notes { html += "<p class=\"legend-note\">\(escapeHTML(note))</p>" }
        if tally.locatedOffMap > 0 {
            html += "<p class=\"legend-note\">\(grouped(tally.locatedOffMap)) located rows have no easting/northing and are not drawn.</p>"
        }
        html += "</aside></div></section>\n"
        html += "<div class=\"columns\">"
        html += matchTypes(tally)
        html += boroughs(tally)
        html += precision(tally)
        html += scores(tally)
        html += "</div>\n"
        html += texts(document)
        html += howToRead
        html += "<footer>Made by <code>locus report</code> from the file alone"
            + (document.mapGazetteerVersion == nil ? "" : " and the gazetteer's postcode units")
            + ". Contains OS data © Crown copyright and database right; Royal Mail data © Royal Mail copyright and "
            + "database right; National Statistics data © Crown copyright and database right.</footer>\n"
        html += "<script>\(script)</script>\n</body></html>\n"
        return html
    }

    // MARK: Sections

    private static func provenance(_ document: ReportDocument) -> String {
        var parts: [String] = []
        let gazetteer = document.summary?.gazetteerVersion ?? document.mapGazetteerVersion
        let unknown = "not known" + (document.settingNames.summary.map { " (give \($0))" } ?? "")
        parts.append("Gazetteer: <span data-figure=\"gazetteer\">\(escapeHTML(gazetteer ?? unknown))</span>")
        parts.append("PROJ operation: <span data-figure=\"proj\">\(escapeHTML(document.summary?.projOperation ?? unknown))</span>")
        if let summary = document.summary, let mapVersion = document.mapGazetteerVersion,
           let runVersion = summary.gazetteerVersion, runVersion != mapVersion {
            parts.append("Map drawn from another gazetteer: \(escapeHTML(mapVersion))")
        }
        return "<p class=\"meta\">" + parts.joined(separator: "<br>") + "</p>"
    }

    private static func warnings(_ document: ReportDocument) -> String {
        guard let summary = document.summary else { return "" }
        var problems: [String] = []
        if let rows = summary.rows, rows != document.tally.rows {
            problems.append("The summary counts \(grouped(rows)) rows, the file has \(grouped(document.tally.rows)): "
                + "is it this file's summary?")
        }
        if let located = summary.locatedRows, located != document.tally.located {
            problems.append("The summary counts \(grouped(located)) located rows, the file has \(grouped(document.tally.located)).")
        }
        return problems.isEmpty ? "" : "<div class=\"warning\">" + problems.map(escapeHTML).joined(separator: "<br>") + "</div>\n"
    }

    private static func headline(_ tally: ReportTally) -> String {
        let unmatched = tally.byMatchType[MatchLevel.none.rank].rows
        let without = tally.matched - tally.located
        func card(_ name: String, _ label: String, _ value: Int, _ note: String, _ kind: String) -> String {
            "<div class=\"card k-\(kind)\"><div class=\"label\">\(label)</div>"
                + "<div class=\"value\" data-figure=\"\(name)\" data-value=\"\(value)\">\(grouped(value))</div>"
                + "<div class=\"note\">\(note)</div></div>"
        }
        var html = "<section class=\"cards\">"
        html += card("rows", "Rows", tally.rows, tally.malformed > 0 ? "\(grouped(tally.malformed)) malformed" : "read from the file", "rows")
        html += card("located", "Located", tally.located, percent(tally.located, of: tally.rows) + " written with coordinates", "located")
        html += card("withoutCoordinates", "Matched without coordinates", without, percent(without, of: tally.rows) + " coarse or low score", "coarse")
        html += card("unmatched", "Unmatched", unmatched, percent(unmatched, of: tally.rows) + " no match at all", "unmatched")
        html += "</section>\n"
        html += "<div class=\"bar big\" title=\"located / matched without coordinates / unmatched\">"
            + segment(tally.located, tally.rows, "located") + segment(without, tally.rows, "coarse")
            + segment(unmatched, tally.rows, "unmatched") + "</div>\n"
        return html
    }

    private static func matchTypes(_ tally: ReportTally) -> String {
        var html = "<section><h2>By match type</h2><p class=\"hint\">Rows of each type; the dark part was located.</p><table class=\"bars\">"
        let most = max(1, tally.byMatchType.map(\.rows).max() ?? 1)
        for level in MatchLevel.allCases {
            let count = tally.byMatchType[level.rank]
            guard count.rows > 0 else { continue }
            html += "<tr data-type=\"\(level.rawValue)\" data-rows=\"\(count.rows)\" data-located=\"\(count.located)\">"
                + "<th><span class=\"swatch dot\" style=\"background:\(ReportMap.levelColours[level.rank])\"></span>\(level.rawValue)</th>"
                + "<td class=\"barcell\">\(bar(count, scale: most, unmatched: level == .none))</td>"
                + "<td class=\"num\">\(grouped(count.rows))</td>"
                + "<td class=\"num\">\(level == .none ? "" : percent(count.located, of: count.rows) + " located")</td></tr>"
        }
        return html + "</table></section>\n"
    }

    private static func boroughs(_ tally: ReportTally) -> String {
        var html = "<section><h2>By borough</h2><p class=\"hint\">Matched rows in each borough; the dark part was located. "
            + "Unmatched rows have no borough.</p><table class=\"bars\">"
        let entries = tally.byBorough.sorted { ($0.value.rows, $1.key) > ($1.value.rows, $0.key) }
        let most = max(1, entries.first?.value.rows ?? 1)
        for (name, count) in entries {
            html += "<tr data-borough=\"\(escapeHTML(name))\" data-rows=\"\(count.rows)\" data-located=\"\(count.located)\">"
                + "<th>\(escapeHTML(name))</th><td class=\"barcell\">\(bar(count, scale: most))</td>"
                + "<td class=\"num\">\(grouped(count.rows))</td><td class=\"num\">\(percent(count.located, of: count.rows)) located</td></tr>"
        }
        if tally.matchedWithoutBorough.rows > 0 {
            let count = tally.matchedWithoutBorough
            html += "<tr data-borough=\"\" data-rows=\"\(count.rows)\" data-located=\"\(count.located)\"><th><i>no borough</i></th>"
                + "<td class=\"barcell\">\(bar(count, scale: most))</td><td class=\"num\">\(grouped(count.rows))</td>"
                + "<td class=\"num\">\(percent(count.located, of: count.rows)) located</td></tr>"
        }
        if entries.isEmpty && tally.matchedWithoutBorough.rows == 0 { html += "<tr><td>No matched rows.</td></tr>" }
        return html + "</table></section>\n"
    }

    private static func precision(_ tally: ReportTally) -> String {
        var html = "<section><h2>Precision (<code>precision_m</code>)</h2><p class=\"hint\">Matched rows by the radius "
            + "the place should lie within, in metres; the dark part was located.</p><div class=\"histogram\">"
        let most = max(1, tally.precisionBins.map(\.rows).max() ?? 1)
        for (index, count) in tally.precisionBins.enumerated() {
            html += column(count, scale: most, label: ReportTally.precisionLabel(index), name: "precision-\(index)")
        }
        html += "</div>"
        if tally.withoutPrecision > 0 { html += "<p class=\"hint\">\(grouped(tally.withoutPrecision)) matched rows have no precision.</p>" }
        return html + "</section>\n"
    }

    private static func scores(_ tally: ReportTally) -> String {
        var html = "<section><h2>Score bands</h2><p class=\"hint\">Matched rows by score; below 70 never gets coordinates.</p><div class=\"histogram\">"
        let most = max(1, tally.scoreBins.map(\.rows).max() ?? 1)
        for (index, count) in tally.scoreBins.enumerated() {
            html += column(count, scale: most, label: ReportTally.scoreBands[index].label, name: "score-\(index)")
        }
        return html + "</div></section>\n"
    }

    private static func texts(_ document: ReportDocument) -> String {
        let tally = document.tally
        var html = "<section class=\"texts\"><h2>Texts not located</h2>"
        guard document.topTexts > 0, tally.countsTexts else {
            let setting = document.settingNames.noTexts.map { " (<code>\(escapeHTML($0))</code>)" } ?? ""
            return html + "<p class=\"hint\">Left out of this report\(setting).</p></section>\n"
        }
        guard !document.textColumns.isEmpty else {
            let setting = document.settingNames.textColumns.map { " with <code>\(escapeHTML($0))</code>" } ?? ""
            return html + "<p class=\"hint\">The file has no column called address or location; name the location "
                + "column(s)\(setting) to list the texts.</p></section>\n"
        }
        let top = tally.topTexts(document.topTexts)
        let distinct = tally.texts.count
        html += "<p class=\"hint\">The \(top.count) most frequent of \(grouped(distinct)) distinct texts (from "
            + document.textColumns.map { "<code>\(escapeHTML($0))</code>" }.joined(separator: " + ")
            + ") that were unmatched or matched without coordinates, with the fault that stopped each.</p>"
        html += "<table class=\"list\"><thead><tr><th class=\"num\">rows</th><th>text</th><th>came to</th><th>stopped by</th><th>all faults</th></tr></thead><tbody>"
        for (key, count) in top {
            html += "<tr><td class=\"num\">\(grouped(count))</td><td class=\"text\">\(key.text.isEmpty ? "<i>empty</i>" : escapeHTML(key.text))</td>"
                + "<td>\(key.matchType == .none ? "unmatched" : escapeHTML(key.matchType.rawValue))</td>"
                + "<td><code>\(escapeHTML(ReportDocument.stoppingFault(key)))</code></td>"
                + "<td class=\"faults\">\(escapeHTML(key.faults.replacingOccurrences(of: ";", with: " ")))</td></tr>"
        }
        if top.isEmpty { html += "<tr><td colspan=\"5\">Every row was located.</td></tr>" }
        return html + "</tbody></table></section>\n"
    }

    private static let howToRead = """
        <section class="howto"><h2>How to read this</h2><dl>
        <dt>Located</dt><dd>The row was written with coordinates: matched precisely and surely enough
        (<code>precision_m</code> within the run's limit, 400 m by default, and a score of at least 70).
        Only located rows are on the map and fit for a ward or street-level table.</dd>
        <dt>Matched without coordinates (coarse)</dt><dd>Locus recognised the place only as a postcode sector,
        district, locality or borough, or was not sure enough (fault <code>coarse</code> or <code>low_score</code>):
        its <code>match_type</code>, postcode and borough are kept, its coordinates left empty.</dd>
        <dt>Unmatched</dt><dd><code>match_type</code> <code>none</code>: nothing to geocode (NFA, UNKNOWN, empty),
        ambiguous between far-apart places, a postcode outside London, or no candidate found.</dd>
        <dt>Precision</dt><dd><code>precision_m</code> is the radius in metres within which the place should lie:
        40 m for an address, about 100 m for a postcode unit, more for a street, far more for an area.</dd>
        <dt>Score</dt><dd>0–100: the match type's award minus a penalty per fault (a misspelt street, a postcode
        that disagrees…). 90–100 an address or tight interpolation; 80–89 a postcode unit, junction, landmark or
        short street; 70–79 a street without the number, or several small faults; below 70 disputed.</dd>
        </dl></section>

        """

    // MARK: Pieces

    private static func bar(_ count: ReportCount, scale: Int, unmatched: Bool = false) -> String {
        "<div class=\"bar\" style=\"width:\(ReportMap.number(100 * Double(count.rows) / Double(scale), 1))%\">"
            + (unmatched ? segment(count.rows, count.rows, "unmatched")
                : segment(count.located, count.rows, "located") + segment(count.withoutCoordinates, count.rows, "coarse"))
            + "</div>"
    }

    private static func segment(_ part: Int, _ whole: Int, _ kind: String) -> String {
        guard part > 0, whole > 0 else { return "" }
        return "<span class=\"\(kind)\" style=\"width:\(ReportMap.number(100 * Double(part) / Double(whole), 2))%\"></span>"
    }

    private static func column(_ count: ReportCount, scale: Int, label: String, name: String) -> String {
        let height = { (part: Int) in ReportMap.number(100 * Double(part) / Double(scale), 1) }
        return "<div class=\"col\" data-figure=\"\(name)\" data-value=\"\(count.rows)\" data-located=\"\(count.located)\" "
            + "title=\"\(escapeHTML(label)): \(grouped(count.rows)) rows, \(grouped(count.located)) located\">"
            + "<div class=\"stack\"><span class=\"coarse\" style=\"height:\(height(count.withoutCoordinates))%\"></span>"
            + "<span class=\"located\" style=\"height:\(height(count.located))%\"></span></div>"
            + "<div class=\"n\">\(grouped(count.rows))</div><div class=\"lab\">\(escapeHTML(label))</div></div>"
    }

    private static func percent(_ part: Int, of whole: Int) -> String {
        whole == 0 ? "0.0%" : ReportMap.number(100 * Double(part) / Double(whole), 1).withOneDecimal + "%"
    }

    private static func grouped(_ value: Int) -> String { ReportMap.grouped(value) }

    // MARK: Style and script

    static let style = """
        :root{--located:#1b7f5b;--coarse:#e0a526;--unmatched:#c4413a;--ink:#1f2328;--muted:#5d6670;--line:#d8dde3}
        *{box-sizing:border-box}body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;
        color:var(--ink);margin:0 auto;max-width:1200px;padding:16px 24px 32px;background:#fff}
        h1{font-size:24px;margin:0}h2{font-size:16px;margin:0 0 6px}header{display:flex;flex-wrap:wrap;
        align-items:baseline;gap:4px 16px;border-bottom:2px solid var(--ink);padding-bottom:8px;margin-bottom:12px}
        .file{font-weight:600;margin:0}.meta{flex-basis:100%;margin:0;color:var(--muted);font-size:12px}
        .warning{background:#fff3cd;border:1px solid #e0c36a;padding:8px 12px;margin:8px 0}
        .cards{display:grid;grid-template-columns:repeat(4,1fr);gap:12px}.card{border:1px solid var(--line);
        border-left:6px solid var(--muted);padding:8px 12px}.card.k-located{border-left-color:var(--located)}
        .card.k-coarse{border-left-color:var(--coarse)}.card.k-unmatched{border-left-color:var(--unmatched)}
        .card .label{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
        .card .value{font-size:28px;font-weight:700}.card .note{color:var(--muted);font-size:12px}
        .bar{display:flex;height:14px;background:transparent;min-width:1px}.bar span{display:block;height:100%}
        .bar.big{height:12px;margin:10px 0 16px;background:#eee}
        .located{background:var(--located)}.coarse{background:var(--coarse)}.unmatched{background:var(--unmatched)}
        section{margin:0 0 18px}.hint{color:var(--muted);font-size:12px;margin:0 0 6px}
        .mapwrap{display:grid;grid-template-columns:1fr 230px;gap:12px}.map{position:relative;border:1px solid var(--line)}
        #map{display:block;width:100%;height:auto;max-height:78vh;cursor:grab;touch-action:none}
        #map .inner,#map .outline,#map .dot,#map .scale path{vector-effect:non-scaling-stroke}
        #map .inner{stroke-width:.6px}#map .outline{stroke-width:1.6px}#map .dot{stroke-width:5px;stroke-opacity:.85}
        #map text{fill:#333;text-anchor:middle;pointer-events:none}#map .labels text{paint-order:stroke;stroke:#fff;
        stroke-linejoin:round}#map .scale text{text-anchor:start}
        .controls{position:absolute;top:8px;left:8px;display:flex;flex-direction:column;gap:4px}
        .controls button{width:28px;height:28px;font-size:16px;border:1px solid #999;background:#fff;cursor:pointer}
        .legendbox{font-size:12px}.legend{list-style:none;padding:0;margin:0 0 8px}.legend li{margin:2px 0}
        .legend-title{font-weight:600;margin:0 0 4px}.legend-note{color:var(--muted);margin:0 0 6px}
        .swatch{display:inline-block;width:12px;height:12px;margin-right:6px;vertical-align:-1px}.swatch.dot{border-radius:50%}
        .n{color:var(--muted)}.columns{display:grid;grid-template-columns:1fr 1fr;gap:8px 32px}
        table{border-collapse:collapse;width:100%}table.bars th{text-align:left;font-weight:400;white-space:nowrap;
        padding:1px 8px 1px 0;width:1%}table.bars td{padding:1px 4px}.barcell{width:60%}.num{text-align:right;
        white-space:nowrap;font-variant-numeric:tabular-nums}
        .histogram{display:flex;align-items:flex-end;gap:4px;height:170px;padding-top:4px}.col{flex:1;display:flex;
        flex-direction:column;align-items:stretch;height:100%;min-width:0}.stack{flex:1;display:flex;flex-direction:column;
        justify-content:flex-end}.stack span{display:block}.col .n,.col .lab{text-align:center;font-size:11px;
        white-space:nowrap;overflow:hidden}.col .lab{color:var(--muted)}
        table.list th,table.list td{border-bottom:1px solid var(--line);padding:3px 6px;text-align:left;vertical-align:top}
        table.list td.num,table.list th.num{text-align:right}.text{font-family:ui-monospace,Menlo,Consolas,monospace}
        .faults{color:var(--muted);font-size:12px}code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
        .howto{background:#f4f6f8;border:1px solid var(--line);padding:10px 16px}.howto dl{margin:0}
        .howto dt{font-weight:600;margin-top:6px}.howto dd{margin:0 0 0 16px}
        footer{color:var(--muted);font-size:11px;border-top:1px solid var(--line);padding-top:6px}
        @media (max-width:800px){.cards,.columns,.mapwrap{grid-template-columns:1fr}}
        @media print{body{max-width:none;padding:0}.controls{display:none}#map{max-height:none}
        section,.card{break-inside:avoid}.located,.coarse,.unmatched,.swatch{print-color-adjust:exact;-webkit-print-color-adjust:exact}}
        """

    /// Zoom (wheel, buttons) and pan (drag) by changing the map's viewBox; records the load time in
    /// `data-loaded-ms` on the root element (read by the benchmark).
    static let script = """
        (function(){var s=document.getElementById('map');if(!s)return;var v=s.viewBox.baseVal,h=[v.x,v.y,v.width,v.height];
        function at(e){var p=s.createSVGPoint();p.x=e.clientX;p.y=e.clientY;return p.matrixTransform(s.getScreenCTM().inverse());}
        function zoom(f,c){var w=Math.min(h[2]*1.5,Math.max(h[2]/64,v.width*f)),k=w/v.width;c=c||{x:v.x+v.width/2,y:v.y+v.height/2};
        v.x=c.x-(c.x-v.x)*k;v.y=c.y-(c.y-v.y)*k;v.width=w;v.height=v.height*k;}
        s.addEventListener('wheel',function(e){e.preventDefault();zoom(e.deltaY<0?0.8:1.25,at(e));},{passive:false});
        var d=null;s.addEventListener('pointerdown',function(e){d=at(e);s.setPointerCapture(e.pointerId);s.style.cursor='grabbing';});
        s.addEventListener('pointermove',function(e){if(!d)return;var p=at(e);v.x-=p.x-d.x;v.y-=p.y-d.y;});
        s.addEventListener('pointerup',function(){d=null;s.style.cursor='';});
        document.querySelectorAll('[data-zoom]').forEach(function(b){b.addEventListener('click',function(){var z=b.getAttribute('data-zoom');
        if(z==='in')zoom(0.67);else if(z==='out')zoom(1.5);else{v.x=h[0];v.y=h[1];v.width=h[2];v.height=h[3];}});});})();
        window.addEventListener('load',function(){document.documentElement.setAttribute('data-loaded-ms',String(Math.round(performance.now())));});
        """
}

private extension String {
    /// `12` as `12.0`; other texts unchanged.
    var withOneDecimal: String { contains(".") ? self : self + ".0" }
}
