"""How each kind of entity and link looks on a chart: shape, colour and a readable name.

Pure data, shared by the canvas, the legend and the image export. Shapes are names the canvas knows
how to draw (``circle``, ``square``, ``diamond``, ``triangle``, ``triangle_down``, ``hexagon``,
``pentagon``, ``octagon``, ``star``, ``card``, ``handset``, ``sim``, ``cross``). A hollow kind is
drawn as a dashed outline (a masked card is a weak identifier).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["KindStyle", "KIND_STYLES", "UNKNOWN_KIND", "EDGE_COLOURS", "kind_style", "edge_colour", "SHAPES"]

SHAPES = ("circle", "square", "diamond", "triangle", "triangle_down", "hexagon", "pentagon", "octagon",
          "star", "card", "handset", "sim", "cross")


@dataclass(frozen=True, slots=True)
class KindStyle:
    shape: str
    colour: str          # "#rrggbb"
    label: str           # what the legend says
    hollow: bool = False


KIND_STYLES: dict[str, KindStyle] = {
    "phone": KindStyle("circle", "#1f77b4", "Phone"),
    "service": KindStyle("octagon", "#6baed6", "Service / short code"),
    "subscriber": KindStyle("circle", "#17becf", "Subscriber"),
    "imei": KindStyle("handset", "#525252", "Handset (IMEI)"),
    "imsi": KindStyle("sim", "#8c564b", "SIM (IMSI)"),
    "card": KindStyle("card", "#d62728", "Card"),
    "masked_card": KindStyle("card", "#d62728", "Masked card", hollow=True),
    "iban": KindStyle("square", "#bcbd22", "IBAN"),
    "account": KindStyle("square", "#8c8c3c", "Account"),
    "iin": KindStyle("pentagon", "#e377c2", "IIN (person)"),
    "bin": KindStyle("pentagon", "#a05195", "BIN (company)"),
    "wallet_tron": KindStyle("hexagon", "#ef476f", "Wallet (TRON)"),
    "wallet_evm": KindStyle("hexagon", "#7b61ff", "Wallet (EVM)"),
    "wallet_btc": KindStyle("hexagon", "#f7931a", "Wallet (BTC)"),
    "email": KindStyle("triangle", "#2ca02c", "E-mail"),
    "ip": KindStyle("triangle_down", "#74c476", "IP address"),
    "device": KindStyle("diamond", "#9467bd", "Device"),
    "ad_account": KindStyle("cross", "#e7298a", "Ad account"),
    "listing": KindStyle("diamond", "#fd8d3c", "Listing"),
    "person": KindStyle("star", "#393b79", "Person"),
}

UNKNOWN_KIND = KindStyle("circle", "#9e9e9e", "Other")

EDGE_COLOURS: dict[str, str] = {
    "call": "#7f93b5",
    "sms": "#9fb3d5",
    "transfer": "#3a9b5c",
    "payment": "#5fb37c",
    "login": "#b07cc6",
    "candidate": "#f28e2b",
}
DEFAULT_EDGE_COLOUR = "#a0a7b4"


def kind_style(kind: str | None) -> KindStyle:
    """The style of a node kind; unknown kinds get a grey circle."""
    return KIND_STYLES.get(kind or "", UNKNOWN_KIND)


def edge_colour(kind: str | None) -> str:
    """The colour of a link kind ("call", "transfer", "owns"...)."""
    return EDGE_COLOURS.get(kind or "", DEFAULT_EDGE_COLOUR)
