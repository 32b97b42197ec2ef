"""Words of debate transcripts: how a minister picks a promise up, confirms it,
reports a member's question and points back to a date (used by
``commitments/dialogue.py``). Forms are regex fragments; a space is one or more
spaces.
"""

# Sentence openings that refer back to the act just promised ("Daar krijgt u een brief
# over.", "Dat doe ik in mei.", "Op die twee punten kom ik terug.").
PICKUP_ADVERBS = ("daar", "hier", "daarover", "hierover", "daarop", "hierop", "daaraan", "daarvan", "daarin",
                  "hierin", "daarmee", "hiermee", "daarbij", "hierbij")
PICKUP_DEMONSTRATIVES = ("dat", "dit", "die", "deze")
# "Dit najaar …", "Deze week …": a demonstrative that opens a time phrase, not an anaphor;
# "Dat is …" comments on what was said.
NOT_ANAPHORIC_AFTER = ("is", "was", "zijn", "najaar", "voorjaar", "zomer", "winter", "jaar", "week", "maand",
                       "kwartaal", "periode", "kabinetsperiode")
# "U hoort dat half mei.": the Kamer receives what was just promised.
KAMER_RECEIVES = ("hoort", "krijgt", "ontvangt", "ziet")
# Fillers that may open a pick-up ("En daar …", "Nogmaals, dat …").
PICKUP_FILLERS = ("en", "maar", "dus", "ook", "dan", "nogmaals", "kortom")

# A member's question reported in the answer ("De heer X vroeg …", "D66 wilde weten …").
REPORTED_ASK = ("vroeg", "vroegen", "vraagt", "heeft gevraagd", "hebben gevraagd", "gevraagd", "wilde weten",
                "wilden weten", "wil weten", "verzocht", "verzoekt")
# Cheap anchors of REPORTED_ASK: every form holds one of these (found with str.find).
REPORTED_ASK_ANCHORS = ("vroeg", "vraagt", "gevraagd", "weten", "verzo")
# The product of a reported "wanneer" comes to the Kamer ("wanneer de brief komt").
DELIVERED = ("komt", "komen", "kwam", "krijgt", "krijgen", "ontvangt", "ontvangen", "verschijnt", "verschijnen",
             "stuurt", "sturen", "gestuurd", "toegestuurd", "tegemoet", "klaar", "gereed")
# The chair or a member asks for a date.
ASK_WHEN = ("wanneer", "op welk moment", "hoe snel", "welke termijn", "per wanneer")
# A time word pointing back to the date just stated ("Dan informeer ik u ook over …").
THEN = ("dan", "op dat moment", "op hetzelfde moment", "tegelijk", "tegelijkertijd", "gelijktijdig")
# Words that make "dan" a condition's consequence ("Als …, dan …").
CONDITION = ("als", "indien", "mocht", "wanneer", "zodra")

# Bare confirmations: "Dat zullen we doen." (plural), "Ja, voorzitter, dat wil ik." (yes to a
# reported question); the singular "Dat zeg ik toe" / "Dat doe ik" are in commitments/debate.py.
YES_WORDS = ("ja", "jazeker", "zeker", "natuurlijk", "uiteraard", "voorzitter")
WE_CONFIRM_VERBS = ("zullen", "gaan", "willen")
I_CONFIRM_VERBS = ("ben", "wil", "kan")
CONFIRM_ADVERBS = ("zeker", "graag", "zeer", "wel", "best", "ook")
