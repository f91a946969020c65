"""French labels shown by the dashboard (user interface text, not language data)."""

from __future__ import annotations

from collections.abc import Mapping

from factcheck.dashboard.highlight import SpanStatus

VIEWS: tuple[str, ...] = (
    "Articles",
    "Chiffres",
    "Signalements",
    "Vérifier un brouillon",
    "Chronologie",
    "Exports",
    "Archive",
)

SPAN_STATUS: Mapping[SpanStatus, str] = {
    SpanStatus.CONSISTENT: "cohérent",
    SpanStatus.FLAGGED: "signalé, à revoir",
    SpanStatus.CONFIRMED: "erreur confirmée",
    SpanStatus.DISMISSED: "signalement écarté",
}

FLAG_STATUS: Mapping[str, str] = {
    "open": "à revoir",
    "confirmed": "confirmé",
    "dismissed": "écarté",
}

SEVERITY: Mapping[str, str] = {"high": "élevée", "medium": "moyenne", "low": "faible"}
#: Streamlit badge colours by severity (no emoji: not every browser has the font).
SEVERITY_COLOUR: Mapping[str, str] = {"high": "red", "medium": "orange", "low": "yellow"}

KIND: Mapping[str, str] = {
    "count": "nombre",
    "money": "montant",
    "percent": "pourcentage",
    "fraction": "fraction",
    "duration": "durée",
    "quantity": "quantité",
    "date": "date",
    "year": "année",
    "time": "heure",
    "ordinal": "ordinal",
    "identifier": "identifiant",
}

APPROX: Mapping[str, str] = {
    "none": "exact",
    "approx": "approximatif",
    "lower": "borne basse (« plus de »)",
    "upper": "borne haute (« moins de »)",
    "range": "fourchette",
}

RELATION: Mapping[str, str] = {
    "same": "identique",
    "compatible": "compatible",
    "evolution": "évolution",
    "contradiction": "contradiction",
    "different_scope": "périmètre différent",
}

MODALITY: Mapping[str, str] = {
    "asserted": "affirmé",
    "reported": "rapporté",
    "estimated": "estimé",
    "projected": "projeté",
    "conditional": "conditionnel",
    "denied": "démenti",
}

ROLE: Mapping[str, str] = {
    "change_from": "valeur de départ d'une variation",
    "change_by": "ampleur d'une variation",
}

#: Claim fields shown when a figure is chosen, with their French names.
CLAIM_FIELDS: Mapping[str, str] = {
    "surface": "Chiffre",
    "kind": "Type",
    "value": "Valeur",
    "low": "Borne basse",
    "high": "Borne haute",
    "unit": "Unité",
    "approx": "Précision",
    "subject": "Sujet",
    "qualifiers": "Précisions",
    "category": "Catégorie",
    "actor": "Acteur",
    "doer": "Auteur de l'opération",
    "place": "Lieu",
    "time_start": "Début de période",
    "time_end": "Fin de période",
    "source": "Source citée",
    "modality": "Modalité",
    "role": "Rôle",
    "published": "Publié le",
    "article_source": "Média",
}

#: How a place not written with its figure was found (``place_basis``), shown after it so that
#: an editor tells a written place from an inherited one.
PLACE_BASIS: Mapping[str, str] = {
    "report": "repris d'une phrase précédente",
    "article": "déduit de l'article",
    "lead": "déduit du titre et du chapeau",
}

#: Columns of the claims table in the "Chiffres" view.
CLAIM_TABLE: Mapping[str, str] = {
    "surface": "Chiffre",
    "status": "Statut",
    "kind": "Type",
    "value": "Valeur",
    "low": "Bas",
    "high": "Haut",
    "unit": "Unité",
    "subject": "Sujet",
    "category": "Catégorie",
    "source": "Source citée",
    "modality": "Modalité",
    "title": "Article",
    "published": "Publié le",
    "sentence": "Phrase",
}

LINK_TABLE: Mapping[str, str] = {
    "relation": "Relation",
    "surface": "Chiffre lié",
    "title": "Article",
    "published": "Publié le",
    "sentence": "Phrase",
    "explanation": "Explication",
}

FLAG_TABLE: Mapping[str, str] = {
    "severity": "Gravité",
    "type": "Type",
    "status": "Statut",
    "explanation": "Explication",
    "reviewer": "Relu par",
    "decided_at": "Le (UTC)",
}

HISTORY_TABLE: Mapping[str, str] = {
    "decided_at": "Le (UTC)",
    "reviewer": "Relecteur",
    "decision": "Décision",
    "note": "Note",
}

DECISION: Mapping[str, str] = {
    "confirmed": "confirmé",
    "dismissed": "écarté",
    "reopened": "rouvert",
    "note": "note",
}


def french_number(value: object) -> str:
    """``988000000.0`` as ``988 000 000``, ``12.5`` as ``12,5``; other values as text."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "" if value is None else str(value)
    if value != value:  # NaN
        return ""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", "\u202f")
    return f"{value:,.6g}".replace(",", "\u202f").replace(".", ",")


def label(mapping: Mapping[str, str], value: object) -> str:
    """The French label of ``value``, or the value itself when there is none."""
    if value is None:
        return ""
    return mapping.get(str(value), str(value))
