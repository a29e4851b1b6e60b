#!/usr/bin/env python3
"""Writes the survey exports of tests/survey/ in each tool's exact shape (encoding, delimiter, header
rows, quoting, line ends), holding the three institutions of tests/survey/profiles/. Run it from the
repository's root after changing it: python3 tests/survey/make-exports.py (the files are committed;
the tests never run it). The .xlsx export is written by the test itself, with libxlsxwriter."""

import csv
import io
import pathlib

HERE = pathlib.Path(__file__).parent

# The three institutions, answer by answer, as a Spanish-language survey words them. None: left empty.
NAMES = ["Universidad Autónoma del Valle", "Instituto Tecnológico de la Sierra", "Centro de Investigación Ñandú, A.C."]
TYPES = ["Universidad pública", "Instituto tecnológico", "Centro de investigación"]
AREAS = [["STEM", "Negocios"], ["Educación"], []]
PLANS = ["Aprobado", "En borrador", "No"]
BUDGETS = ["Sí", "En parte", "No"]


def write(name, text, encoding, bom=b""):
    (HERE / name).write_bytes(bom + text.encode(encoding))


def rows_text(rows, delimiter, quote_all=False):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n",
                        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    writer.writerows(rows)
    return out.getvalue()


# Qualtrics, "Download data" as CSV with choice text: UTF-8 with a byte-order mark, CRLF; row 1 the
# fields' internal names, row 2 the question texts, row 3 each column's ImportId as JSON; every field
# quoted; a multiple-answer question's choices joined with ",". Numbers as the respondent typed them.
def qualtrics():
    meta = ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)", "Finished",
            "RecordedDate", "ResponseId", "RecipientLastName", "RecipientFirstName", "RecipientEmail",
            "ExternalReference", "LocationLatitude", "LocationLongitude", "DistributionChannel", "UserLanguage"]
    meta_text = ["Start Date", "End Date", "Response Type", "IP Address", "Progress", "Duration (in seconds)",
                 "Finished", "Recorded Date", "Response ID", "Recipient Last Name", "Recipient First Name",
                 "Recipient Email", "External Data Reference", "Location Latitude", "Location Longitude",
                 "Distribution Channel", "User Language"]
    zone = ',"timeZone":"America/Mexico_City"'
    meta_import = ['{"ImportId":"startDate"%s}' % zone, '{"ImportId":"endDate"%s}' % zone, '{"ImportId":"status"}',
                   '{"ImportId":"ipAddress"}', '{"ImportId":"progress"}', '{"ImportId":"duration"}',
                   '{"ImportId":"finished"}', '{"ImportId":"recordedDate"%s}' % zone, '{"ImportId":"_recordId"}',
                   '{"ImportId":"recipientLastName"}', '{"ImportId":"recipientFirstName"}',
                   '{"ImportId":"recipientEmail"}', '{"ImportId":"externalDataReference"}',
                   '{"ImportId":"locationLatitude"}', '{"ImportId":"locationLongitude"}',
                   '{"ImportId":"distributionChannel"}', '{"ImportId":"userLanguage"}']
    questions = ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7", "Q8"]
    texts = ["Nombre de la institución", "Tipo de institución", "Número de estudiantes inscritos",
             "Áreas de fortaleza de la institución - Seleccionadas", "¿Tiene un plan de ETN?",
             "¿Tiene una partida presupuestal propia para internacionalización?",
             "Porcentaje de profesores con inglés B2 o superior", "Número de convenios internacionales vigentes"]
    imports = ['{"ImportId":"QID1_TEXT"}', '{"ImportId":"QID2"}', '{"ImportId":"QID3_TEXT"}', '{"ImportId":"QID4"}',
               '{"ImportId":"QID5"}', '{"ImportId":"QID6"}', '{"ImportId":"QID7_TEXT"}', '{"ImportId":"QID8_TEXT"}']
    students = ["12500", "1000", "150"]
    b2 = ["37.5", "10", ""]
    agreements = ["1,200", "8", "0"]  # as typed: the first with a thousands separator
    rows = [meta + questions, meta_text + texts, meta_import + imports]
    for i in range(3):
        rows.append([f"2025-03-0{i + 3} 09:12:44", f"2025-03-0{i + 3} 09:31:02", "IP Address", f"189.203.1.1{i}",
                     "100", str(1038 + i), "True", f"2025-03-0{i + 3} 09:31:03", f"R_3kF9x2Lm8Qp7Zt{i}", "", "", "",
                     "", "19.4326", "-99.1332", "anonymous", "ES",
                     NAMES[i], TYPES[i], students[i], ",".join(AREAS[i]), PLANS[i], BUDGETS[i], b2[i],
                     agreements[i]])
    write("qualtrics.csv", rows_text(rows, ",", quote_all=True), "utf-8", b"\xef\xbb\xbf")


# SurveyMonkey, "All individual responses" as CSV (expanded): UTF-8, CRLF; row 1 the questions, each
# written over the first of its columns; row 2 "Response" over a question of one choice,
# "Open-Ended Response" over a text, and each option's name over its column of a multiple-answer
# question, which holds the option's name when it is chosen.
def survey_monkey():
    meta = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address", "First Name",
            "Last Name", "Custom Data 1"]
    areas = ["STEM", "Negocios", "Educación", "Other (please specify)"]
    top = meta + ["Nombre de la institución", "Tipo de institución", "Número de estudiantes inscritos",
                  "Áreas de fortaleza de la institución", "", "", "", "¿Tiene un plan de ETN?",
                  "¿Tiene una partida presupuestal propia para internacionalización?",
                  "Porcentaje de profesores con inglés B2 o superior", "Número de convenios internacionales vigentes"]
    second = [""] * len(meta) + ["Open-Ended Response", "Response", "Open-Ended Response"] + areas + [
        "Response", "Response", "Open-Ended Response", "Open-Ended Response"]
    students = ["12500", "1000", "150"]
    b2 = ["37.5", "10", ""]
    agreements = ["1200", "8", "0"]
    rows = [top, second]
    for i in range(3):
        chosen = [a if a in AREAS[i] else "" for a in areas]
        rows.append([f"1141{i}58203", "431077621", f"03/0{i + 3}/2025 09:12:44 AM", f"03/0{i + 3}/2025 09:31:02 AM",
                     f"189.203.1.1{i}", "", "", "", "", NAMES[i], TYPES[i], students[i]] + chosen +
                    [PLANS[i], BUDGETS[i], b2[i], agreements[i]])
    write("surveymonkey.csv", rows_text(rows, ","), "utf-8")


# Excel on a Spanish-locale Windows, "CSV (delimitado por comas)": Windows-1252 without a mark, ";"
# between cells, CRLF, numbers as the cells show them (a decimal comma, a point between thousands).
def excel_es():
    header = ["Marca temporal", "Nombre de la institución", "Tipo de institución", "Número de estudiantes",
              "Áreas de fortaleza", "Plan de ETN", "Presupuesto propio", "Profesores con inglés B2 (%)",
              "Convenios vigentes"]
    students = ["12.500", "1.000", "150"]
    b2 = ["37,5", "10", "No sé"]
    agreements = ["1.200", "8", "0"]
    rows = [header]
    for i in range(3):
        rows.append([f"0{i + 3}/03/2025 9:31", NAMES[i], TYPES[i], students[i], ", ".join(AREAS[i]), PLANS[i],
                     BUDGETS[i], b2[i], agreements[i]])
    write("excel-es.csv", rows_text(rows, ";"), "cp1252")


# Excel's "Unicode Text (*.txt)", renamed .tsv: UTF-16 little-endian with a byte-order mark, tabs,
# CRLF, numbers as an English-locale sheet shows them ("12,500").
def excel_unicode():
    header = ["Marca temporal", "Nombre de la institución", "Tipo de institución", "Número de estudiantes",
              "Áreas de fortaleza", "Plan de ETN", "Presupuesto propio", "Profesores con inglés B2 (%)",
              "Convenios vigentes"]
    students = ["12,500", "1,000", "150"]
    b2 = ["37.5", "10", ""]
    agreements = ["1,200", "8", "0"]
    rows = [header]
    for i in range(3):
        rows.append([f"3/{i + 3}/2025 9:31", NAMES[i], TYPES[i], students[i], ", ".join(AREAS[i]), PLANS[i],
                     BUDGETS[i], b2[i], agreements[i]])
    write("excel-unicode.tsv", rows_text(rows, "\t"), "utf-16-le", b"\xff\xfe")


qualtrics()
survey_monkey()
excel_es()
excel_unicode()
