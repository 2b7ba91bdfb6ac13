"""POST /api/v1/calculate with the real calculator and the real parameter files."""

from __future__ import annotations

import copy

from web.routers.calculate import EXAMPLE


def test_the_documented_example_gives_the_hand_checked_amount(client):
    # Hand check (2024, sambor + barn 4 år + ungdom 19 år i skolan, riksnorm.md):
    # riksnorm 6 850 + 2 940 + 4 820 + 1 950 (gemensamma, 4 personer) = 16 560;
    # skäliga kostnader 7 200 + 450 + 180 = 7 830; behov 24 390.
    # Inkomster: barnbidrag 2 650 + partnerns lön 9 000 × 75 % (jobbstimulans, 7 månader) = 6 750;
    # ungdomens lön 3 000 ryms under prisbasbeloppet 57 300 − 20 000 → räknas inte. 9 400.
    # Försörjningsstöd 24 390 − 9 400 = 14 990.
    response = client.post("/api/v1/calculate", json=EXAMPLE)
    assert response.status_code == 200
    body = response.json()
    assert body["riksnorm"] == 16560
    assert body["skaliga_kostnader"] == 7830
    assert body["inkomster_beraknade"] == 9400
    assert body["inkomster_ej_beraknade"] == 2250 + 3000
    assert body["forsorjningsstod"] == 14990
    assert body["overskott"] == 0
    housing = next(r for r in body["rader"] if r["kategori"] == "kostnad")
    assert housing["belopp"] == 7200
    assert housing["lagrum"].startswith("SoL (2001:453) 4 kap. 3 § första stycket 2")
    jobbstimulans = [r for r in body["rader"] if r["raknas"] is False and r["medlem"] == "partner"]
    assert [r["belopp"] for r in jobbstimulans] == [2250]


def test_an_income_above_the_need_gives_overskott_and_no_support(client):
    data = {"year": 2024, "month": 3,
            "household": {"adults": [{"role": "applicant", "age": 40}]},
            "costs": {"housing": 5000},
            "incomes": [{"type": "pension", "amount": 20000, "member": "applicant"}]}
    body = client.post("/api/v1/calculate", json=data).json()
    # ensamstående 2024: personliga 3 800 + gemensamma (1 person) 1 230 = 5 030 (riksnorm.md,
    # and Socialstyrelsen's provberäkning 2024 for one adult); behov 5 030 + 5 000 = 10 030.
    assert body["riksnorm"] == 5030
    assert body["forsorjningsstod"] == 0
    assert body["overskott"] == 20000 - 10030


def _error(client, data) -> dict:
    response = client.post("/api/v1/calculate", json=data)
    assert response.status_code == 422, response.text
    return response.json()


def test_a_month_out_of_range_names_the_field_and_value_in_swedish(client):
    body = _error(client, {**EXAMPLE, "month": 13})
    assert body["field"] == "month"
    assert body["value"] == 13
    assert body["detail"] == (
        "month (beräkningsmånad (1–12)) får inte vara större än 12, men värdet är 13."
    )


def test_a_negative_cost_is_refused(client):
    data = copy.deepcopy(EXAMPLE)
    data["costs"]["housing"] = -1
    body = _error(client, data)
    assert body["field"] == "costs.housing"
    assert "får inte vara mindre än 0" in body["detail"]


def test_every_problem_is_listed_and_no_partial_result_is_returned(client):
    data = copy.deepcopy(EXAMPLE)
    data["household"]["children"][0]["days"] = 31
    data["incomes"][0]["type"] = "lottovinst"
    body = _error(client, data)
    fields = [e["field"] for e in body["errors"]]
    assert "household.children[0].days" in fields
    assert "forsorjningsstod" not in body


def test_an_unknown_income_type_is_named(client):
    data = copy.deepcopy(EXAMPLE)
    data["incomes"][1]["type"] = "lottovinst"
    body = _error(client, data)
    assert body["field"] == "incomes[1].type"
    assert body["value"] == "lottovinst"
    assert body["detail"].startswith('incomes[1].type: okänd inkomsttyp "lottovinst"')


def test_a_second_applicant_is_refused(client):
    data = copy.deepcopy(EXAMPLE)
    data["household"]["adults"][1]["role"] = "applicant"
    body = _error(client, data)
    assert body["field"] == "household.adults[1].role"
    assert "två gånger" in body["detail"]


def test_a_year_without_parameters_is_refused(client):
    body = _error(client, {**EXAMPLE, "year": 1999})
    assert body["field"] == "year"
    assert "1999" in body["detail"]


def test_broken_json_and_a_non_object_are_refused_in_swedish(client):
    response = client.post("/api/v1/calculate", content=b'{"year": 2024,',
                           headers={"Content-Type": "application/json"})
    assert response.status_code == 422
    assert response.json()["detail"].startswith("Indata är inte giltig JSON")
    body = _error(client, [1, 2])
    assert body["field"] == "indata"
    assert body["detail"] == "Indata ska vara ett JSON-objekt, men värdet är [1, 2]."


def test_openapi_documents_the_calculator_contract(client):
    schema = client.get("/openapi.json").json()
    operation = schema["paths"]["/api/v1/calculate"]["post"]
    body_schema = operation["requestBody"]["content"]["application/json"]["schema"]
    assert body_schema == {"$ref": "#/components/schemas/CalculationInput"}
    components = schema["components"]["schemas"]
    assert set(components["CalculationInput"]["required"]) == {"year", "month", "household"}
    assert "forsorjningsstod" in components["CalculationResult"]["properties"]
    # every $ref in the document resolves
    import json
    import re
    for ref in set(re.findall(r'"\$ref": "#/components/schemas/([^"]+)"', json.dumps(schema))):
        assert ref in components, ref
