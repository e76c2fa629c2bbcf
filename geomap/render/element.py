"""The folium element that carries all events as one JSON blob plus geomap's small renderer."""

from __future__ import annotations

from typing import Any

from branca.element import MacroElement
from jinja2 import Template

__all__ = ["EventLayer", "script_safe_code", "style_safe_code"]


def script_safe_code(code: str) -> str:
    # "</script" can only occur inside a JS string, regex or comment, where "<\/script" means
    # the same; unescaped it would end the inline <script> element early.
    return code.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT")


def style_safe_code(css: str) -> str:
    return css.replace("</style", "<\\/style")


class EventLayer(MacroElement):
    """Events, basemap and renderer for one folium Map, instead of one Marker per event.

    All arguments are already serialised: `payload_json` and `basemap_json` by
    geomap.render.payload.script_safe_json, `config_json` likewise.
    """

    _template = Template(
        """
{% macro header(this, kwargs) %}
<style>{{ this.css }}</style>
<script>{{ this.renderer_js }}</script>
{% endmacro %}
{% macro html(this, kwargs) %}
<script type="application/json" id="{{ this.get_name() }}_data">{{ this.payload_json }}</script>
<script type="application/json" id="{{ this.get_name() }}_basemap">{{ this.basemap_json }}</script>
{% endmacro %}
{% macro script(this, kwargs) %}
window.geomapRender(
    {{ this._parent.get_name() }},
    JSON.parse(document.getElementById("{{ this.get_name() }}_data").textContent),
    JSON.parse(document.getElementById("{{ this.get_name() }}_basemap").textContent),
    {{ this.config_json }}
);
{% endmacro %}
"""
    )

    def __init__(
        self,
        *,
        payload_json: str,
        basemap_json: str,
        config_json: str,
        renderer_js: str,
        css: str,
    ) -> None:
        super().__init__()
        self._name = "GeomapEvents"
        self.payload_json = payload_json
        self.basemap_json = basemap_json
        self.config_json = config_json
        self.renderer_js = script_safe_code(renderer_js)
        self.css = style_safe_code(css)

    def _get_self_bounds(self) -> Any:
        return [[None, None], [None, None]]
