/* The zone maps' layers (components/maps.py), loaded by the streamlit-folium iframe after Leaflet.
 *
 * psmZoneShapes: the 11 zones; their style, tooltip, popup and the place markers come from the state the
 *   overlay hands over on every run (psmShow), so a rerun restyles the live map instead of remounting it.
 * psmComuneOutlines: the comuni as outlines (dashed where the zone is inferred), name and zone in the tooltip.
 * Shapes come from a URL (the app's static GeoJSON, fetched once per mount) or embedded, and are added in the
 * order the layers were created, so the comuni always lie on top of the zones whichever file arrives first.
 * Every text is set with textContent: nothing from the data or the state is ever parsed as HTML.
 */
(function () {
  "use strict";

  function table(rows, link) {
    var element = document.createElement("table");
    rows.forEach(function (row) {
      var tr = element.insertRow();
      if (row[0] !== null) {
        var th = document.createElement("th");
        th.textContent = row[0];
        tr.appendChild(th);
      }
      tr.insertCell().textContent = row[1];
    });
    if (link) {
      var a = document.createElement("a");
      a.setAttribute("href", link[1]);
      a.setAttribute("target", "_top");
      a.textContent = link[0];
      element.insertRow().insertCell().appendChild(a);
    }
    var div = document.createElement("div");
    div.appendChild(element);
    return div;
  }

  var queue = Promise.resolve();

  function load(layer, source) {
    var data = typeof source === "string"
      ? fetch(source).then(function (response) {
          if (!response.ok) { throw new Error(response.status + " " + source); }
          return response.json();
        })
      : Promise.resolve(source);
    queue = queue.then(function () { return data; })
      .then(function (collection) { layer.addData(collection); })
      .catch(function (error) { console.error("map shapes not loaded:", error); });
  }

  // options: {source, keep: [zone ids], popups, hover: style, fallback: style, marker: divIcon options}
  window.psmZoneShapes = function (map, options) {
    var keep = new Set(options.keep);
    var state = {zones: {}, labels: {zone: "", value: "", link: ""}, markers: []};
    var zoneOf = function (feature) {
      return state.zones[feature.properties.zone_id] || {label: "", value: ""};
    };
    var shapes = L.geoJson(null, {
      filter: function (feature) { return keep.has(String(feature.properties.zone_id)); },
      style: function (feature) {
        var zone = state.zones[feature.properties.zone_id];
        return zone ? zone.style : options.fallback;
      },
      onEachFeature: function (feature, layer) {
        layer.bindTooltip(function () {
          var zone = zoneOf(feature);
          return table([[state.labels.zone, zone.label], [state.labels.value, zone.value]]);
        }, {sticky: true, className: "foliumtooltip"});
        if (options.popups) {
          layer.bindPopup(function () {
            var zone = zoneOf(feature);
            return table([[null, zone.label], [null, zone.value]],
                         zone.link ? [state.labels.link, zone.link] : null);
          }, {className: "foliumpopup"});
        }
        layer.on({
          mouseover: function (event) { event.target.setStyle(options.hover); },
          mouseout: function (event) { shapes.resetStyle(event.target); }
        });
      }
    });
    var markers = L.layerGroup().addTo(map);
    shapes.psmShow = function (next) {
      state = next;
      shapes.setStyle(shapes.options.style);
      markers.clearLayers();
      next.markers.forEach(function (m) {
        // An accessible name (title); not a tab stop: the tables below the map list the same projects.
        L.marker([m[0], m[1]], {icon: L.divIcon(options.marker), title: m[2], alt: m[2], keyboard: false})
          .bindTooltip(table([[null, m[2]]])).addTo(markers);
      });
    };
    window.psmZones = shapes;
    load(shapes, options.source);
    return shapes;
  };

  // options: {source, keep: [ISTAT codes], labels: {zone, inferred}}
  window.psmComuneOutlines = function (map, options) {
    var keep = new Set(options.keep);
    var outlines = L.geoJson(null, {
      filter: function (feature) { return keep.has(String(feature.properties.istat_code)); },
      style: function (feature) {
        return {fill: false, color: "#555555", weight: 0.6,
                dashArray: feature.properties.confidence === "inferred" ? "3 3" : null};
      },
      onEachFeature: function (feature, layer) {
        var p = feature.properties;
        var zone = String(p.zone_id) + (p.confidence === "inferred" ? " (" + options.labels.inferred + ")" : "");
        layer.bindTooltip(table([["", String(p.name)], [options.labels.zone, zone]]),
                          {sticky: true, className: "foliumtooltip"});
      }
    });
    load(outlines, options.source);
    return outlines;
  };
})();
