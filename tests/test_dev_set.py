"""The real-article development sets are well formed: the parser's score on them is only as
honest as their gold rows, so every row must point at real text, real coordinates and valid
labels. The second and third sets were scored before any rule was written for them, so their
first scores measured generalisation (docs/evaluation.md)."""

from __future__ import annotations

import csv
import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from kharkivmap.articles import read_articles
from kharkivmap.evaluate import read_gold

DATA = Path(__file__).parent / "data"
# Each set: its article folder (with manifest.csv) and its gold file.
SETS = {
    "dev": (DATA / "dev", DATA / "dev_gold.jsonl"),
    "dev2": (DATA / "dev2", DATA / "dev2_gold.jsonl"),
    "dev3": (DATA / "dev3", DATA / "dev3_gold.jsonl"),
    "dev4": (DATA / "dev4", DATA / "dev4_gold.jsonl"),
    "dev5": (DATA / "dev5", DATA / "dev5_gold.jsonl"),
    "dev6": (DATA / "dev6", DATA / "dev6_gold.jsonl"),
    "dev7": (DATA / "dev7", DATA / "dev7_gold.jsonl"),
    "dev8": (DATA / "dev8", DATA / "dev8_gold.jsonl"),
    "dev9": (DATA / "dev9", DATA / "dev9_gold.jsonl"),
    "dev10": (DATA / "dev10", DATA / "dev10_gold.jsonl"),
    "dev11": (DATA / "dev11", DATA / "dev11_gold.jsonl"),
    "dev12": (DATA / "dev12", DATA / "dev12_gold.jsonl"),
    "dev13": (DATA / "dev13", DATA / "dev13_gold.jsonl"),
    "dev14": (DATA / "dev14", DATA / "dev14_gold.jsonl"),
    "dev15": (DATA / "dev15", DATA / "dev15_gold.jsonl"),
    "dev16": (DATA / "dev16", DATA / "dev16_gold.jsonl"),
    "dev17": (DATA / "dev17", DATA / "dev17_gold.jsonl"),
    "dev18": (DATA / "dev18", DATA / "dev18_gold.jsonl"),
    "dev19": (DATA / "dev19", DATA / "dev19_gold.jsonl"),
    "dev20": (DATA / "dev20", DATA / "dev20_gold.jsonl"),
    "dev21": (DATA / "dev21", DATA / "dev21_gold.jsonl"),
    "dev22": (DATA / "dev22", DATA / "dev22_gold.jsonl"),
    "dev23": (DATA / "dev23", DATA / "dev23_gold.jsonl"),
    "dev24": (DATA / "dev24", DATA / "dev24_gold.jsonl"),
    "dev25": (DATA / "dev25", DATA / "dev25_gold.jsonl"),
    "dev26": (DATA / "dev26", DATA / "dev26_gold.jsonl"),
    "dev27": (DATA / "dev27", DATA / "dev27_gold.jsonl"),
    "dev28": (DATA / "dev28", DATA / "dev28_gold.jsonl"),
    "dev29": (DATA / "dev29", DATA / "dev29_gold.jsonl"),
    "dev30": (DATA / "dev30", DATA / "dev30_gold.jsonl"),
    "dev31": (DATA / "dev31", DATA / "dev31_gold.jsonl"),
    "dev32": (DATA / "dev32", DATA / "dev32_gold.jsonl"),
    "dev33": (DATA / "dev33", DATA / "dev33_gold.jsonl"),
    "dev34": (DATA / "dev34", DATA / "dev34_gold.jsonl"),
    "dev35": (DATA / "dev35", DATA / "dev35_gold.jsonl"),
    "dev36": (DATA / "dev36", DATA / "dev36_gold.jsonl"),
    "dev37": (DATA / "dev37", DATA / "dev37_gold.jsonl"),
    "dev38": (DATA / "dev38", DATA / "dev38_gold.jsonl"),
    "dev39": (DATA / "dev39", DATA / "dev39_gold.jsonl"),
    "dev40": (DATA / "dev40", DATA / "dev40_gold.jsonl"),
    "dev41": (DATA / "dev41", DATA / "dev41_gold.jsonl"),
    "dev42": (DATA / "dev42", DATA / "dev42_gold.jsonl"),
    "dev43": (DATA / "dev43", DATA / "dev43_gold.jsonl"),
    "dev44": (DATA / "dev44", DATA / "dev44_gold.jsonl"),
    "dev45": (DATA / "dev45", DATA / "dev45_gold.jsonl"),
    "dev46": (DATA / "dev46", DATA / "dev46_gold.jsonl"),
    "dev47": (DATA / "dev47", DATA / "dev47_gold.jsonl"),
    "dev48": (DATA / "dev48", DATA / "dev48_gold.jsonl"),
    "dev49": (DATA / "dev49", DATA / "dev49_gold.jsonl"),
    "dev50": (DATA / "dev50", DATA / "dev50_gold.jsonl"),
    "dev51": (DATA / "dev51", DATA / "dev51_gold.jsonl"),
    "dev52": (DATA / "dev52", DATA / "dev52_gold.jsonl"),
    "dev53": (DATA / "dev53", DATA / "dev53_gold.jsonl"),
    "dev54": (DATA / "dev54", DATA / "dev54_gold.jsonl"),
    "dev55": (DATA / "dev55", DATA / "dev55_gold.jsonl"),
    "dev56": (DATA / "dev56", DATA / "dev56_gold.jsonl"),
    "dev57": (DATA / "dev57", DATA / "dev57_gold.jsonl"),
    "dev58": (DATA / "dev58", DATA / "dev58_gold.jsonl"),
    "dev59": (DATA / "dev59", DATA / "dev59_gold.jsonl"),
    "dev60": (DATA / "dev60", DATA / "dev60_gold.jsonl"),
    "dev61": (DATA / "dev61", DATA / "dev61_gold.jsonl"),
    "dev62": (DATA / "dev62", DATA / "dev62_gold.jsonl"),
    "dev63": (DATA / "dev63", DATA / "dev63_gold.jsonl"),
    "dev64": (DATA / "dev64", DATA / "dev64_gold.jsonl"),
    "dev65": (DATA / "dev65", DATA / "dev65_gold.jsonl"),
    "dev66": (DATA / "dev66", DATA / "dev66_gold.jsonl"),
    "dev67": (DATA / "dev67", DATA / "dev67_gold.jsonl"),
    "dev68": (DATA / "dev68", DATA / "dev68_gold.jsonl"),
    "dev69": (DATA / "dev69", DATA / "dev69_gold.jsonl"),
    "dev70": (DATA / "dev70", DATA / "dev70_gold.jsonl"),
    "dev71": (DATA / "dev71", DATA / "dev71_gold.jsonl"),
    "dev72": (DATA / "dev72", DATA / "dev72_gold.jsonl"),
    "dev73": (DATA / "dev73", DATA / "dev73_gold.jsonl"),
    "dev74": (DATA / "dev74", DATA / "dev74_gold.jsonl"),
    "dev75": (DATA / "dev75", DATA / "dev75_gold.jsonl"),
    "dev76": (DATA / "dev76", DATA / "dev76_gold.jsonl"),
    "dev77": (DATA / "dev77", DATA / "dev77_gold.jsonl"),
    "dev78": (DATA / "dev78", DATA / "dev78_gold.jsonl"),
    "dev79": (DATA / "dev79", DATA / "dev79_gold.jsonl"),
    "dev80": (DATA / "dev80", DATA / "dev80_gold.jsonl"),
    "dev81": (DATA / "dev81", DATA / "dev81_gold.jsonl"),
    "dev82": (DATA / "dev82", DATA / "dev82_gold.jsonl"),
    "dev83": (DATA / "dev83", DATA / "dev83_gold.jsonl"),
    "dev84": (DATA / "dev84", DATA / "dev84_gold.jsonl"),
    "dev85": (DATA / "dev85", DATA / "dev85_gold.jsonl"),
    "dev86": (DATA / "dev86", DATA / "dev86_gold.jsonl"),
    "dev87": (DATA / "dev87", DATA / "dev87_gold.jsonl"),
    "dev88": (DATA / "dev88", DATA / "dev88_gold.jsonl"),
    "dev89": (DATA / "dev89", DATA / "dev89_gold.jsonl"),
    "dev90": (DATA / "dev90", DATA / "dev90_gold.jsonl"),
    "dev91": (DATA / "dev91", DATA / "dev91_gold.jsonl"),
    "dev92": (DATA / "dev92", DATA / "dev92_gold.jsonl"),
    "dev93": (DATA / "dev93", DATA / "dev93_gold.jsonl"),
    "dev94": (DATA / "dev94", DATA / "dev94_gold.jsonl"),
    "dev95": (DATA / "dev95", DATA / "dev95_gold.jsonl"),
    "dev96": (DATA / "dev96", DATA / "dev96_gold.jsonl"),
    "dev97": (DATA / "dev97", DATA / "dev97_gold.jsonl"),
    "dev98": (DATA / "dev98", DATA / "dev98_gold.jsonl"),
    "dev99": (DATA / "dev99", DATA / "dev99_gold.jsonl"),
    "dev100": (DATA / "dev100", DATA / "dev100_gold.jsonl"),
    "dev101": (DATA / "dev101", DATA / "dev101_gold.jsonl"),
    "dev102": (DATA / "dev102", DATA / "dev102_gold.jsonl"),
    "dev103": (DATA / "dev103", DATA / "dev103_gold.jsonl"),
    "dev104": (DATA / "dev104", DATA / "dev104_gold.jsonl"),
    "dev105": (DATA / "dev105", DATA / "dev105_gold.jsonl"),
    "dev106": (DATA / "dev106", DATA / "dev106_gold.jsonl"),
    "dev107": (DATA / "dev107", DATA / "dev107_gold.jsonl"),
    "dev108": (DATA / "dev108", DATA / "dev108_gold.jsonl"),
    "dev109": (DATA / "dev109", DATA / "dev109_gold.jsonl"),
    "dev110": (DATA / "dev110", DATA / "dev110_gold.jsonl"),
    "dev111": (DATA / "dev111", DATA / "dev111_gold.jsonl"),
    "dev112": (DATA / "dev112", DATA / "dev112_gold.jsonl"),
    "dev113": (DATA / "dev113", DATA / "dev113_gold.jsonl"),
    "dev114": (DATA / "dev114", DATA / "dev114_gold.jsonl"),
    "dev115": (DATA / "dev115", DATA / "dev115_gold.jsonl"),
    "dev116": (DATA / "dev116", DATA / "dev116_gold.jsonl"),
    "dev117": (DATA / "dev117", DATA / "dev117_gold.jsonl"),
    "dev118": (DATA / "dev118", DATA / "dev118_gold.jsonl"),
    "dev119": (DATA / "dev119", DATA / "dev119_gold.jsonl"),
    "dev120": (DATA / "dev120", DATA / "dev120_gold.jsonl"),
    "dev121": (DATA / "dev121", DATA / "dev121_gold.jsonl"),
    "dev122": (DATA / "dev122", DATA / "dev122_gold.jsonl"),
    "dev123": (DATA / "dev123", DATA / "dev123_gold.jsonl"),
    "dev124": (DATA / "dev124", DATA / "dev124_gold.jsonl"),
    "dev125": (DATA / "dev125", DATA / "dev125_gold.jsonl"),
    "dev126": (DATA / "dev126", DATA / "dev126_gold.jsonl"),
    "dev127": (DATA / "dev127", DATA / "dev127_gold.jsonl"),
    "dev128": (DATA / "dev128", DATA / "dev128_gold.jsonl"),
    "dev129": (DATA / "dev129", DATA / "dev129_gold.jsonl"),
    "dev130": (DATA / "dev130", DATA / "dev130_gold.jsonl"),
    "dev131": (DATA / "dev131", DATA / "dev131_gold.jsonl"),
    "dev132": (DATA / "dev132", DATA / "dev132_gold.jsonl"),
    "dev133": (DATA / "dev133", DATA / "dev133_gold.jsonl"),
    "dev134": (DATA / "dev134", DATA / "dev134_gold.jsonl"),
    "dev135": (DATA / "dev135", DATA / "dev135_gold.jsonl"),
    "dev136": (DATA / "dev136", DATA / "dev136_gold.jsonl"),
    "dev137": (DATA / "dev137", DATA / "dev137_gold.jsonl"),
    "dev138": (DATA / "dev138", DATA / "dev138_gold.jsonl"),
    "dev139": (DATA / "dev139", DATA / "dev139_gold.jsonl"),
    "dev140": (DATA / "dev140", DATA / "dev140_gold.jsonl"),
    "dev141": (DATA / "dev141", DATA / "dev141_gold.jsonl"),
    "dev142": (DATA / "dev142", DATA / "dev142_gold.jsonl"),
    "dev143": (DATA / "dev143", DATA / "dev143_gold.jsonl"),
    "dev144": (DATA / "dev144", DATA / "dev144_gold.jsonl"),
    "dev145": (DATA / "dev145", DATA / "dev145_gold.jsonl"),
    "dev146": (DATA / "dev146", DATA / "dev146_gold.jsonl"),
    "dev147": (DATA / "dev147", DATA / "dev147_gold.jsonl"),
    "dev148": (DATA / "dev148", DATA / "dev148_gold.jsonl"),
    "dev149": (DATA / "dev149", DATA / "dev149_gold.jsonl"),
    "dev150": (DATA / "dev150", DATA / "dev150_gold.jsonl"),
    "dev151": (DATA / "dev151", DATA / "dev151_gold.jsonl"),
    "dev152": (DATA / "dev152", DATA / "dev152_gold.jsonl"),
    "dev153": (DATA / "dev153", DATA / "dev153_gold.jsonl"),
    "dev154": (DATA / "dev154", DATA / "dev154_gold.jsonl"),
    "dev155": (DATA / "dev155", DATA / "dev155_gold.jsonl"),
    "dev156": (DATA / "dev156", DATA / "dev156_gold.jsonl"),
    "dev157": (DATA / "dev157", DATA / "dev157_gold.jsonl"),
    "dev161": (DATA / "dev161", DATA / "dev161_gold.jsonl"),
    "dev159": (DATA / "dev159", DATA / "dev159_gold.jsonl"),
    "dev158": (DATA / "dev158", DATA / "dev158_gold.jsonl"),
    "dev160": (DATA / "dev160", DATA / "dev160_gold.jsonl"),
    "dev165": (DATA / "dev165", DATA / "dev165_gold.jsonl"),
    "dev163": (DATA / "dev163", DATA / "dev163_gold.jsonl"),
    "dev164": (DATA / "dev164", DATA / "dev164_gold.jsonl"),
    "dev162": (DATA / "dev162", DATA / "dev162_gold.jsonl"),
    "dev167": (DATA / "dev167", DATA / "dev167_gold.jsonl"),
    "dev169": (DATA / "dev169", DATA / "dev169_gold.jsonl"),
    "dev166": (DATA / "dev166", DATA / "dev166_gold.jsonl"),
    "dev168": (DATA / "dev168", DATA / "dev168_gold.jsonl"),
    "dev171": (DATA / "dev171", DATA / "dev171_gold.jsonl"),
    "dev170": (DATA / "dev170", DATA / "dev170_gold.jsonl"),
    "dev172": (DATA / "dev172", DATA / "dev172_gold.jsonl"),
    "dev173": (DATA / "dev173", DATA / "dev173_gold.jsonl"),
    "dev176": (DATA / "dev176", DATA / "dev176_gold.jsonl"),
    "dev174": (DATA / "dev174", DATA / "dev174_gold.jsonl"),
    "dev175": (DATA / "dev175", DATA / "dev175_gold.jsonl"),
    "dev178": (DATA / "dev178", DATA / "dev178_gold.jsonl"),
    "dev179": (DATA / "dev179", DATA / "dev179_gold.jsonl"),
    "dev177": (DATA / "dev177", DATA / "dev177_gold.jsonl"),
    "dev180": (DATA / "dev180", DATA / "dev180_gold.jsonl"),
    "dev181": (DATA / "dev181", DATA / "dev181_gold.jsonl"),
    "dev184": (DATA / "dev184", DATA / "dev184_gold.jsonl"),
    "dev183": (DATA / "dev183", DATA / "dev183_gold.jsonl"),
    "dev182": (DATA / "dev182", DATA / "dev182_gold.jsonl"),
    "dev186": (DATA / "dev186", DATA / "dev186_gold.jsonl"),
    "dev185": (DATA / "dev185", DATA / "dev185_gold.jsonl"),
    "dev189": (DATA / "dev189", DATA / "dev189_gold.jsonl"),
    "dev191": (DATA / "dev191", DATA / "dev191_gold.jsonl"),
    "dev193": (DATA / "dev193", DATA / "dev193_gold.jsonl"),
    "dev187": (DATA / "dev187", DATA / "dev187_gold.jsonl"),
    "dev188": (DATA / "dev188", DATA / "dev188_gold.jsonl"),
    "dev192": (DATA / "dev192", DATA / "dev192_gold.jsonl"),
    "dev190": (DATA / "dev190", DATA / "dev190_gold.jsonl"),
    "dev194": (DATA / "dev194", DATA / "dev194_gold.jsonl"),
    "dev195": (DATA / "dev195", DATA / "dev195_gold.jsonl"),
    "dev196": (DATA / "dev196", DATA / "dev196_gold.jsonl"),
    "dev197": (DATA / "dev197", DATA / "dev197_gold.jsonl"),
    "dev199": (DATA / "dev199", DATA / "dev199_gold.jsonl"),
    "dev198": (DATA / "dev198", DATA / "dev198_gold.jsonl"),
    "dev200": (DATA / "dev200", DATA / "dev200_gold.jsonl"),
    "dev201": (DATA / "dev201", DATA / "dev201_gold.jsonl"),
    "dev203": (DATA / "dev203", DATA / "dev203_gold.jsonl"),
    "dev204": (DATA / "dev204", DATA / "dev204_gold.jsonl"),
    "dev205": (DATA / "dev205", DATA / "dev205_gold.jsonl"),
    "dev202": (DATA / "dev202", DATA / "dev202_gold.jsonl"),
    "dev206": (DATA / "dev206", DATA / "dev206_gold.jsonl"),
    "dev207": (DATA / "dev207", DATA / "dev207_gold.jsonl"),
    "dev208": (DATA / "dev208", DATA / "dev208_gold.jsonl"),
    "dev209": (DATA / "dev209", DATA / "dev209_gold.jsonl"),
    "dev210": (DATA / "dev210", DATA / "dev210_gold.jsonl"),
    "dev211": (DATA / "dev211", DATA / "dev211_gold.jsonl"),
    "dev212": (DATA / "dev212", DATA / "dev212_gold.jsonl"),
    "dev213": (DATA / "dev213", DATA / "dev213_gold.jsonl"),
    "dev214": (DATA / "dev214", DATA / "dev214_gold.jsonl"),
    "dev215": (DATA / "dev215", DATA / "dev215_gold.jsonl"),
    "dev216": (DATA / "dev216", DATA / "dev216_gold.jsonl"),
    "dev217": (DATA / "dev217", DATA / "dev217_gold.jsonl"),
    "dev218": (DATA / "dev218", DATA / "dev218_gold.jsonl"),
    "dev219": (DATA / "dev219", DATA / "dev219_gold.jsonl"),
    "dev220": (DATA / "dev220", DATA / "dev220_gold.jsonl"),
    "dev221": (DATA / "dev221", DATA / "dev221_gold.jsonl"),
    "dev222": (DATA / "dev222", DATA / "dev222_gold.jsonl"),
    "dev223": (DATA / "dev223", DATA / "dev223_gold.jsonl"),
    "dev224": (DATA / "dev224", DATA / "dev224_gold.jsonl"),
    "dev225": (DATA / "dev225", DATA / "dev225_gold.jsonl"),
    "dev226": (DATA / "dev226", DATA / "dev226_gold.jsonl"),
    "dev228": (DATA / "dev228", DATA / "dev228_gold.jsonl"),
    "dev227": (DATA / "dev227", DATA / "dev227_gold.jsonl"),
    "dev229": (DATA / "dev229", DATA / "dev229_gold.jsonl"),
    "dev230": (DATA / "dev230", DATA / "dev230_gold.jsonl"),
    "dev231": (DATA / "dev231", DATA / "dev231_gold.jsonl"),
    "dev232": (DATA / "dev232", DATA / "dev232_gold.jsonl"),
    "dev235": (DATA / "dev235", DATA / "dev235_gold.jsonl"),
    "dev233": (DATA / "dev233", DATA / "dev233_gold.jsonl"),
    "dev234": (DATA / "dev234", DATA / "dev234_gold.jsonl"),
    "dev236": (DATA / "dev236", DATA / "dev236_gold.jsonl"),
    "dev237": (DATA / "dev237", DATA / "dev237_gold.jsonl"),
    "dev238": (DATA / "dev238", DATA / "dev238_gold.jsonl"),
    "dev243": (DATA / "dev243", DATA / "dev243_gold.jsonl"),
    "dev244": (DATA / "dev244", DATA / "dev244_gold.jsonl"),
    "dev239": (DATA / "dev239", DATA / "dev239_gold.jsonl"),
    "dev241": (DATA / "dev241", DATA / "dev241_gold.jsonl"),
    "dev242": (DATA / "dev242", DATA / "dev242_gold.jsonl"),
    "dev240": (DATA / "dev240", DATA / "dev240_gold.jsonl"),
    "dev245": (DATA / "dev245", DATA / "dev245_gold.jsonl"),
    "dev248": (DATA / "dev248", DATA / "dev248_gold.jsonl"),
    "dev246": (DATA / "dev246", DATA / "dev246_gold.jsonl"),
    "dev247": (DATA / "dev247", DATA / "dev247_gold.jsonl"),
    "dev249": (DATA / "dev249", DATA / "dev249_gold.jsonl"),
    "dev250": (DATA / "dev250", DATA / "dev250_gold.jsonl"),
    "dev251": (DATA / "dev251", DATA / "dev251_gold.jsonl"),
    "dev253": (DATA / "dev253", DATA / "dev253_gold.jsonl"),
    "dev252": (DATA / "dev252", DATA / "dev252_gold.jsonl"),
    "dev257": (DATA / "dev257", DATA / "dev257_gold.jsonl"),
    "dev255": (DATA / "dev255", DATA / "dev255_gold.jsonl"),
    "dev258": (DATA / "dev258", DATA / "dev258_gold.jsonl"),
    "dev254": (DATA / "dev254", DATA / "dev254_gold.jsonl"),
    "dev256": (DATA / "dev256", DATA / "dev256_gold.jsonl"),
    "dev259": (DATA / "dev259", DATA / "dev259_gold.jsonl"),
    "dev264": (DATA / "dev264", DATA / "dev264_gold.jsonl"),
    "dev262": (DATA / "dev262", DATA / "dev262_gold.jsonl"),
    "dev260": (DATA / "dev260", DATA / "dev260_gold.jsonl"),
    "dev263": (DATA / "dev263", DATA / "dev263_gold.jsonl"),
    "dev265": (DATA / "dev265", DATA / "dev265_gold.jsonl"),
    "dev261": (DATA / "dev261", DATA / "dev261_gold.jsonl"),
    "dev267": (DATA / "dev267", DATA / "dev267_gold.jsonl"),
    "dev266": (DATA / "dev266", DATA / "dev266_gold.jsonl"),
    "dev268": (DATA / "dev268", DATA / "dev268_gold.jsonl"),
    "dev270": (DATA / "dev270", DATA / "dev270_gold.jsonl"),
    "dev271": (DATA / "dev271", DATA / "dev271_gold.jsonl"),
    "dev269": (DATA / "dev269", DATA / "dev269_gold.jsonl"),
    "dev272": (DATA / "dev272", DATA / "dev272_gold.jsonl"),
    "dev273": (DATA / "dev273", DATA / "dev273_gold.jsonl"),
    "dev275": (DATA / "dev275", DATA / "dev275_gold.jsonl"),
    "dev276": (DATA / "dev276", DATA / "dev276_gold.jsonl"),
    "dev277": (DATA / "dev277", DATA / "dev277_gold.jsonl"),
    "dev274": (DATA / "dev274", DATA / "dev274_gold.jsonl"),
    "dev280": (DATA / "dev280", DATA / "dev280_gold.jsonl"),
    "dev281": (DATA / "dev281", DATA / "dev281_gold.jsonl"),
    "dev282": (DATA / "dev282", DATA / "dev282_gold.jsonl"),
    "dev283": (DATA / "dev283", DATA / "dev283_gold.jsonl"),
    "dev279": (DATA / "dev279", DATA / "dev279_gold.jsonl"),
    "dev278": (DATA / "dev278", DATA / "dev278_gold.jsonl"),
    "dev284": (DATA / "dev284", DATA / "dev284_gold.jsonl"),
    "dev285": (DATA / "dev285", DATA / "dev285_gold.jsonl"),
    "dev287": (DATA / "dev287", DATA / "dev287_gold.jsonl"),
    "dev288": (DATA / "dev288", DATA / "dev288_gold.jsonl"),
    "dev286": (DATA / "dev286", DATA / "dev286_gold.jsonl"),
    "dev289": (DATA / "dev289", DATA / "dev289_gold.jsonl"),
    "dev290": (DATA / "dev290", DATA / "dev290_gold.jsonl"),
    "dev291": (DATA / "dev291", DATA / "dev291_gold.jsonl"),
    "dev292": (DATA / "dev292", DATA / "dev292_gold.jsonl"),
    "dev293": (DATA / "dev293", DATA / "dev293_gold.jsonl"),
    "dev294": (DATA / "dev294", DATA / "dev294_gold.jsonl"),
    "dev296": (DATA / "dev296", DATA / "dev296_gold.jsonl"),
    "dev295": (DATA / "dev295", DATA / "dev295_gold.jsonl"),
    "dev298": (DATA / "dev298", DATA / "dev298_gold.jsonl"),
    "dev297": (DATA / "dev297", DATA / "dev297_gold.jsonl"),
    "dev299": (DATA / "dev299", DATA / "dev299_gold.jsonl"),
    "dev300": (DATA / "dev300", DATA / "dev300_gold.jsonl"),
    "dev301": (DATA / "dev301", DATA / "dev301_gold.jsonl"),
    "dev302": (DATA / "dev302", DATA / "dev302_gold.jsonl"),
    "dev303": (DATA / "dev303", DATA / "dev303_gold.jsonl"),
    "dev304": (DATA / "dev304", DATA / "dev304_gold.jsonl"),
    "dev305": (DATA / "dev305", DATA / "dev305_gold.jsonl"),
    "dev306": (DATA / "dev306", DATA / "dev306_gold.jsonl"),
    "dev307": (DATA / "dev307", DATA / "dev307_gold.jsonl"),
    "dev308": (DATA / "dev308", DATA / "dev308_gold.jsonl"),
    "dev310": (DATA / "dev310", DATA / "dev310_gold.jsonl"),
    "dev313": (DATA / "dev313", DATA / "dev313_gold.jsonl"),
    "dev309": (DATA / "dev309", DATA / "dev309_gold.jsonl"),
    "dev311": (DATA / "dev311", DATA / "dev311_gold.jsonl"),
    "dev312": (DATA / "dev312", DATA / "dev312_gold.jsonl"),
    "dev314": (DATA / "dev314", DATA / "dev314_gold.jsonl"),
    "dev315": (DATA / "dev315", DATA / "dev315_gold.jsonl"),
    "dev316": (DATA / "dev316", DATA / "dev316_gold.jsonl"),
    "dev317": (DATA / "dev317", DATA / "dev317_gold.jsonl"),
    "dev318": (DATA / "dev318", DATA / "dev318_gold.jsonl"),
    "dev319": (DATA / "dev319", DATA / "dev319_gold.jsonl"),
    "dev320": (DATA / "dev320", DATA / "dev320_gold.jsonl"),
    "dev321": (DATA / "dev321", DATA / "dev321_gold.jsonl"),
    "dev325": (DATA / "dev325", DATA / "dev325_gold.jsonl"),
    "dev323": (DATA / "dev323", DATA / "dev323_gold.jsonl"),
    "dev322": (DATA / "dev322", DATA / "dev322_gold.jsonl"),
    "dev324": (DATA / "dev324", DATA / "dev324_gold.jsonl"),
    "dev326": (DATA / "dev326", DATA / "dev326_gold.jsonl"),
    "dev327": (DATA / "dev327", DATA / "dev327_gold.jsonl"),
    "dev328": (DATA / "dev328", DATA / "dev328_gold.jsonl"),
    "dev329": (DATA / "dev329", DATA / "dev329_gold.jsonl"),
    "dev330": (DATA / "dev330", DATA / "dev330_gold.jsonl"),
    "dev331": (DATA / "dev331", DATA / "dev331_gold.jsonl"),
    "dev334": (DATA / "dev334", DATA / "dev334_gold.jsonl"),
    "dev332": (DATA / "dev332", DATA / "dev332_gold.jsonl"),
    "dev333": (DATA / "dev333", DATA / "dev333_gold.jsonl"),
    "dev335": (DATA / "dev335", DATA / "dev335_gold.jsonl"),
    "dev337": (DATA / "dev337", DATA / "dev337_gold.jsonl"),
    "dev336": (DATA / "dev336", DATA / "dev336_gold.jsonl"),
    "dev338": (DATA / "dev338", DATA / "dev338_gold.jsonl"),
    "dev339": (DATA / "dev339", DATA / "dev339_gold.jsonl"),
    "dev340": (DATA / "dev340", DATA / "dev340_gold.jsonl"),
    "dev341": (DATA / "dev341", DATA / "dev341_gold.jsonl"),
    "dev342": (DATA / "dev342", DATA / "dev342_gold.jsonl"),
    "dev343": (DATA / "dev343", DATA / "dev343_gold.jsonl"),
    "dev344": (DATA / "dev344", DATA / "dev344_gold.jsonl"),
    "dev345": (DATA / "dev345", DATA / "dev345_gold.jsonl"),
    "dev346": (DATA / "dev346", DATA / "dev346_gold.jsonl"),
    "dev347": (DATA / "dev347", DATA / "dev347_gold.jsonl"),
    "dev348": (DATA / "dev348", DATA / "dev348_gold.jsonl"),
    "dev349": (DATA / "dev349", DATA / "dev349_gold.jsonl"),
    "dev350": (DATA / "dev350", DATA / "dev350_gold.jsonl"),
    "dev351": (DATA / "dev351", DATA / "dev351_gold.jsonl"),
    "dev352": (DATA / "dev352", DATA / "dev352_gold.jsonl"),
    "dev353": (DATA / "dev353", DATA / "dev353_gold.jsonl"),
    "dev354": (DATA / "dev354", DATA / "dev354_gold.jsonl"),
    "dev355": (DATA / "dev355", DATA / "dev355_gold.jsonl"),
    "dev356": (DATA / "dev356", DATA / "dev356_gold.jsonl"),
    "dev357": (DATA / "dev357", DATA / "dev357_gold.jsonl"),
    "dev359": (DATA / "dev359", DATA / "dev359_gold.jsonl"),
    "dev360": (DATA / "dev360", DATA / "dev360_gold.jsonl"),
    "dev361": (DATA / "dev361", DATA / "dev361_gold.jsonl"),
    "dev358": (DATA / "dev358", DATA / "dev358_gold.jsonl"),
    "dev362": (DATA / "dev362", DATA / "dev362_gold.jsonl"),
    "dev363": (DATA / "dev363", DATA / "dev363_gold.jsonl"),
    "dev364": (DATA / "dev364", DATA / "dev364_gold.jsonl"),
    "dev365": (DATA / "dev365", DATA / "dev365_gold.jsonl"),
    "dev366": (DATA / "dev366", DATA / "dev366_gold.jsonl"),
    "dev367": (DATA / "dev367", DATA / "dev367_gold.jsonl"),
    "dev368": (DATA / "dev368", DATA / "dev368_gold.jsonl"),
    "dev369": (DATA / "dev369", DATA / "dev369_gold.jsonl"),
    "dev370": (DATA / "dev370", DATA / "dev370_gold.jsonl"),
    "dev371": (DATA / "dev371", DATA / "dev371_gold.jsonl"),
    "dev372": (DATA / "dev372", DATA / "dev372_gold.jsonl"),
    "dev373": (DATA / "dev373", DATA / "dev373_gold.jsonl"),
    "dev374": (DATA / "dev374", DATA / "dev374_gold.jsonl"),
    "dev375": (DATA / "dev375", DATA / "dev375_gold.jsonl"),
    "dev376": (DATA / "dev376", DATA / "dev376_gold.jsonl"),
    "dev377": (DATA / "dev377", DATA / "dev377_gold.jsonl"),
    "dev378": (DATA / "dev378", DATA / "dev378_gold.jsonl"),
    "dev379": (DATA / "dev379", DATA / "dev379_gold.jsonl"),
    "dev380": (DATA / "dev380", DATA / "dev380_gold.jsonl"),
    "dev381": (DATA / "dev381", DATA / "dev381_gold.jsonl"),
    "dev382": (DATA / "dev382", DATA / "dev382_gold.jsonl"),
    "dev383": (DATA / "dev383", DATA / "dev383_gold.jsonl"),
    "dev384": (DATA / "dev384", DATA / "dev384_gold.jsonl"),
    "dev385": (DATA / "dev385", DATA / "dev385_gold.jsonl"),
    "dev386": (DATA / "dev386", DATA / "dev386_gold.jsonl"),
    "dev387": (DATA / "dev387", DATA / "dev387_gold.jsonl"),
    "dev388": (DATA / "dev388", DATA / "dev388_gold.jsonl"),
    "dev389": (DATA / "dev389", DATA / "dev389_gold.jsonl"),
    "dev390": (DATA / "dev390", DATA / "dev390_gold.jsonl"),
    "dev391": (DATA / "dev391", DATA / "dev391_gold.jsonl"),
    "dev392": (DATA / "dev392", DATA / "dev392_gold.jsonl"),
    "dev393": (DATA / "dev393", DATA / "dev393_gold.jsonl"),
    "dev394": (DATA / "dev394", DATA / "dev394_gold.jsonl"),
    "dev395": (DATA / "dev395", DATA / "dev395_gold.jsonl"),
    "dev396": (DATA / "dev396", DATA / "dev396_gold.jsonl"),
    "dev397": (DATA / "dev397", DATA / "dev397_gold.jsonl"),
    "dev398": (DATA / "dev398", DATA / "dev398_gold.jsonl"),
    "dev399": (DATA / "dev399", DATA / "dev399_gold.jsonl"),
    "dev400": (DATA / "dev400", DATA / "dev400_gold.jsonl"),
    "dev401": (DATA / "dev401", DATA / "dev401_gold.jsonl"),
    "dev402": (DATA / "dev402", DATA / "dev402_gold.jsonl"),
    "dev403": (DATA / "dev403", DATA / "dev403_gold.jsonl"),
    "dev404": (DATA / "dev404", DATA / "dev404_gold.jsonl"),
    "dev405": (DATA / "dev405", DATA / "dev405_gold.jsonl"),
    "dev406": (DATA / "dev406", DATA / "dev406_gold.jsonl"),
    "dev407": (DATA / "dev407", DATA / "dev407_gold.jsonl"),
    "dev408": (DATA / "dev408", DATA / "dev408_gold.jsonl"),
    "dev409": (DATA / "dev409", DATA / "dev409_gold.jsonl"),
    "dev410": (DATA / "dev410", DATA / "dev410_gold.jsonl"),
    "dev411": (DATA / "dev411", DATA / "dev411_gold.jsonl"),
    "dev412": (DATA / "dev412", DATA / "dev412_gold.jsonl"),
    "dev413": (DATA / "dev413", DATA / "dev413_gold.jsonl"),
    "dev414": (DATA / "dev414", DATA / "dev414_gold.jsonl"),
    "dev415": (DATA / "dev415", DATA / "dev415_gold.jsonl"),
    "dev416": (DATA / "dev416", DATA / "dev416_gold.jsonl"),
    "dev417": (DATA / "dev417", DATA / "dev417_gold.jsonl"),
    "dev418": (DATA / "dev418", DATA / "dev418_gold.jsonl"),
    "dev419": (DATA / "dev419", DATA / "dev419_gold.jsonl"),
    "dev420": (DATA / "dev420", DATA / "dev420_gold.jsonl"),
    "dev421": (DATA / "dev421", DATA / "dev421_gold.jsonl"),
    "dev422": (DATA / "dev422", DATA / "dev422_gold.jsonl"),
    "dev423": (DATA / "dev423", DATA / "dev423_gold.jsonl"),
    "dev424": (DATA / "dev424", DATA / "dev424_gold.jsonl"),
    "dev425": (DATA / "dev425", DATA / "dev425_gold.jsonl"),
    "dev426": (DATA / "dev426", DATA / "dev426_gold.jsonl"),
    "dev427": (DATA / "dev427", DATA / "dev427_gold.jsonl"),
    "dev428": (DATA / "dev428", DATA / "dev428_gold.jsonl"),
    "dev429": (DATA / "dev429", DATA / "dev429_gold.jsonl"),
    "dev430": (DATA / "dev430", DATA / "dev430_gold.jsonl"),
    "dev431": (DATA / "dev431", DATA / "dev431_gold.jsonl"),
    "dev432": (DATA / "dev432", DATA / "dev432_gold.jsonl"),
    "dev433": (DATA / "dev433", DATA / "dev433_gold.jsonl"),
    "dev434": (DATA / "dev434", DATA / "dev434_gold.jsonl"),
    "dev435": (DATA / "dev435", DATA / "dev435_gold.jsonl"),
    "dev436": (DATA / "dev436", DATA / "dev436_gold.jsonl"),
    "dev437": (DATA / "dev437", DATA / "dev437_gold.jsonl"),
    "dev438": (DATA / "dev438", DATA / "dev438_gold.jsonl"),
    "dev439": (DATA / "dev439", DATA / "dev439_gold.jsonl"),
    "dev440": (DATA / "dev440", DATA / "dev440_gold.jsonl"),
    "dev441": (DATA / "dev441", DATA / "dev441_gold.jsonl"),
    "dev442": (DATA / "dev442", DATA / "dev442_gold.jsonl"),
    "dev443": (DATA / "dev443", DATA / "dev443_gold.jsonl"),
    "dev444": (DATA / "dev444", DATA / "dev444_gold.jsonl"),
    "dev445": (DATA / "dev445", DATA / "dev445_gold.jsonl"),
    "dev446": (DATA / "dev446", DATA / "dev446_gold.jsonl"),
    "dev447": (DATA / "dev447", DATA / "dev447_gold.jsonl"),
    "dev448": (DATA / "dev448", DATA / "dev448_gold.jsonl"),
    "dev449": (DATA / "dev449", DATA / "dev449_gold.jsonl"),
    "dev450": (DATA / "dev450", DATA / "dev450_gold.jsonl"),
    "dev451": (DATA / "dev451", DATA / "dev451_gold.jsonl"),
    "dev452": (DATA / "dev452", DATA / "dev452_gold.jsonl"),
    "dev453": (DATA / "dev453", DATA / "dev453_gold.jsonl"),
    "dev454": (DATA / "dev454", DATA / "dev454_gold.jsonl"),
    "dev455": (DATA / "dev455", DATA / "dev455_gold.jsonl"),
    "dev456": (DATA / "dev456", DATA / "dev456_gold.jsonl"),
    "dev457": (DATA / "dev457", DATA / "dev457_gold.jsonl"),
    "dev458": (DATA / "dev458", DATA / "dev458_gold.jsonl"),
    "dev459": (DATA / "dev459", DATA / "dev459_gold.jsonl"),
    "dev460": (DATA / "dev460", DATA / "dev460_gold.jsonl"),
    "dev461": (DATA / "dev461", DATA / "dev461_gold.jsonl"),
    "dev462": (DATA / "dev462", DATA / "dev462_gold.jsonl"),
    "dev463": (DATA / "dev463", DATA / "dev463_gold.jsonl"),
    "dev464": (DATA / "dev464", DATA / "dev464_gold.jsonl"),
    "dev465": (DATA / "dev465", DATA / "dev465_gold.jsonl"),
    "dev466": (DATA / "dev466", DATA / "dev466_gold.jsonl"),
    "dev467": (DATA / "dev467", DATA / "dev467_gold.jsonl"),
    "dev468": (DATA / "dev468", DATA / "dev468_gold.jsonl"),
    "dev469": (DATA / "dev469", DATA / "dev469_gold.jsonl"),
    "dev470": (DATA / "dev470", DATA / "dev470_gold.jsonl"),
    "dev471": (DATA / "dev471", DATA / "dev471_gold.jsonl"),
    "dev472": (DATA / "dev472", DATA / "dev472_gold.jsonl"),
    "dev473": (DATA / "dev473", DATA / "dev473_gold.jsonl"),
    "dev474": (DATA / "dev474", DATA / "dev474_gold.jsonl"),
    "dev475": (DATA / "dev475", DATA / "dev475_gold.jsonl"),
    "dev476": (DATA / "dev476", DATA / "dev476_gold.jsonl"),
    "dev477": (DATA / "dev477", DATA / "dev477_gold.jsonl"),
    "dev478": (DATA / "dev478", DATA / "dev478_gold.jsonl"),
    "dev479": (DATA / "dev479", DATA / "dev479_gold.jsonl"),
    "dev480": (DATA / "dev480", DATA / "dev480_gold.jsonl"),
    "dev481": (DATA / "dev481", DATA / "dev481_gold.jsonl"),
    "dev482": (DATA / "dev482", DATA / "dev482_gold.jsonl"),
    "dev483": (DATA / "dev483", DATA / "dev483_gold.jsonl"),
    "dev484": (DATA / "dev484", DATA / "dev484_gold.jsonl"),
    "dev485": (DATA / "dev485", DATA / "dev485_gold.jsonl"),
    "dev486": (DATA / "dev486", DATA / "dev486_gold.jsonl"),
    "dev487": (DATA / "dev487", DATA / "dev487_gold.jsonl"),
    "dev488": (DATA / "dev488", DATA / "dev488_gold.jsonl"),
    "dev489": (DATA / "dev489", DATA / "dev489_gold.jsonl"),
    "dev490": (DATA / "dev490", DATA / "dev490_gold.jsonl"),
    "dev491": (DATA / "dev491", DATA / "dev491_gold.jsonl"),
    "dev492": (DATA / "dev492", DATA / "dev492_gold.jsonl"),
    "dev493": (DATA / "dev493", DATA / "dev493_gold.jsonl"),
    "dev494": (DATA / "dev494", DATA / "dev494_gold.jsonl"),
    "dev495": (DATA / "dev495", DATA / "dev495_gold.jsonl"),
    "dev496": (DATA / "dev496", DATA / "dev496_gold.jsonl"),
    "dev497": (DATA / "dev497", DATA / "dev497_gold.jsonl"),
    "dev498": (DATA / "dev498", DATA / "dev498_gold.jsonl"),
    "dev499": (DATA / "dev499", DATA / "dev499_gold.jsonl"),
    "dev500": (DATA / "dev500", DATA / "dev500_gold.jsonl"),
    "dev501": (DATA / "dev501", DATA / "dev501_gold.jsonl"),
    "dev502": (DATA / "dev502", DATA / "dev502_gold.jsonl"),
    "dev503": (DATA / "dev503", DATA / "dev503_gold.jsonl"),
    "dev504": (DATA / "dev504", DATA / "dev504_gold.jsonl"),
    "dev505": (DATA / "dev505", DATA / "dev505_gold.jsonl"),
    "dev506": (DATA / "dev506", DATA / "dev506_gold.jsonl"),
    "dev507": (DATA / "dev507", DATA / "dev507_gold.jsonl"),
    "dev508": (DATA / "dev508", DATA / "dev508_gold.jsonl"),
    "dev509": (DATA / "dev509", DATA / "dev509_gold.jsonl"),
}

FIELDS = {
    "article",
    "place",
    "geonameid",
    "lat",
    "lon",
    "kind",
    "controller",
    "date_from",
    "date_to",
    "claimant",
    "hedged",
    "required",
    "evidence",
}
KINDS = {"change", "held", "contested", "none"}
# Ukraine, the occupied territories and the Russian border regions the articles mention.
LAT_RANGE = (44.0, 56.0)
LON_RANGE = (22.0, 41.0)


def _folder(name: str) -> Path:
    return SETS[name][0]


def _manifest(name: str) -> list[dict[str, str]]:
    with (_folder(name) / "manifest.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _gold(name: str) -> list[dict]:
    text = SETS[name][1].read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line]


def _text(name: str, article: str) -> str:
    return (_folder(name) / article).read_text(encoding="utf-8")


MANIFEST_ROWS = [(name, row) for name in SETS for row in _manifest(name)]
GOLD_ROWS = [(name, row) for name in SETS for row in _gold(name)]


@pytest.mark.parametrize("name", SETS)
def test_manifest_has_the_columns_and_lists_every_article_once(name):
    rows = _manifest(name)
    assert list(rows[0]) == ["file", "published", "title", "url", "outlet"]
    listed = [row["file"] for row in rows]
    assert len(listed) == len(set(listed))
    assert sorted(listed) == sorted(path.name for path in _folder(name).glob("*.txt"))


@pytest.mark.parametrize(
    ("name", "row"), MANIFEST_ROWS, ids=[f"{n}:{r['file']}" for n, r in MANIFEST_ROWS]
)
def test_manifest_row_is_complete(name, row):
    assert (_folder(name) / row["file"]).is_file()
    published = date.fromisoformat(row["published"])
    assert date(2022, 2, 24) <= published <= date(2025, 12, 31)
    assert row["url"].startswith(("http://", "https://"))
    assert row["outlet"].strip()
    # A title is given only when it is the page's own headline, found in the stored text.
    assert not row["title"] or row["title"] in _text(name, row["file"])


def test_the_sets_share_no_article_or_address():
    files = [row["file"] for _, row in MANIFEST_ROWS]
    urls = [row["url"] for _, row in MANIFEST_ROWS]
    assert len(files) == len(set(files))
    assert len(urls) == len(set(urls))


@pytest.mark.parametrize("name", SETS)
def test_every_article_has_gold_rows_and_every_row_has_its_article(name):
    articles = {row["file"] for row in _manifest(name)}
    assert {row["article"] for row in _gold(name)} == articles


@pytest.mark.parametrize("name", SETS)
def test_one_row_per_article_place_kind_and_controller(name):
    # a place may change hands twice in one article ("captured in August, regained now")
    keys = Counter(
        (row["article"], row["place"], row["kind"], row["controller"]) for row in _gold(name)
    )
    assert [key for key, count in keys.items() if count > 1] == []


@pytest.mark.parametrize(
    ("name", "row"),
    GOLD_ROWS,
    ids=[f"{n}:{r['article']}:{r['place']}:{r['kind']}" for n, r in GOLD_ROWS],
)
def test_gold_row_is_valid(name, row):
    assert FIELDS <= set(row) <= FIELDS | {"note"}
    assert row["evidence"] and row["evidence"] in _text(name, row["article"])
    assert LAT_RANGE[0] <= row["lat"] <= LAT_RANGE[1]
    assert LON_RANGE[0] <= row["lon"] <= LON_RANGE[1]
    assert row["geonameid"] is None or (isinstance(row["geonameid"], int) and row["geonameid"] > 0)
    assert row["kind"] in KINDS
    expected = {
        "change": {"UA", "RU"},
        "held": {"UA", "RU"},
        "contested": {"contested"},
        "none": {None},
    }[row["kind"]]
    assert row["controller"] in expected
    assert isinstance(row["hedged"], bool) and isinstance(row["required"], bool)
    assert row["claimant"] is None or row["claimant"].strip()
    dates = [row["date_from"], row["date_to"]]
    if dates != [None, None]:
        start, end = (date.fromisoformat(value) for value in dates)
        assert start <= end


@pytest.mark.parametrize("name", SETS)
def test_change_dates_do_not_follow_publication(name):
    published = {row["file"]: date.fromisoformat(row["published"]) for row in _manifest(name)}
    late = [
        (row["article"], row["place"])
        for row in _gold(name)
        if row["date_to"] and date.fromisoformat(row["date_to"]) > published[row["article"]]
    ]
    assert late == []


@pytest.mark.parametrize("name", SETS)
def test_same_place_has_the_same_coordinates_everywhere(name):
    spots: dict[str, set[tuple[float, float]]] = {}
    for row in _gold(name):
        spots.setdefault(row["place"], set()).add((row["lat"], row["lon"]))
    assert {place: spot for place, spot in spots.items() if len(spot) > 1} == {}


@pytest.mark.parametrize("name", SETS)
def test_the_scorer_and_the_reader_accept_the_set(name):
    assert len(read_gold(SETS[name][1])) == len(_gold(name))
    articles = {article.id: article for article in read_articles([_folder(name)])}
    assert set(articles) == {row["file"] for row in _manifest(name)}
    for row in _manifest(name):
        assert articles[row["file"]].published == date.fromisoformat(row["published"])
