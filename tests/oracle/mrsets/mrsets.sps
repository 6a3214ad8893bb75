* Makes mrsets.sav, the fixture of the multiple-response oracle (make.sh): 800 cases with a dichotomy
* set ($isolatie: four insulation measures, 9 = weet niet, a few system-missing) and a categories set
* ($prioriteit: up to three mentions from one value-label set, repeats allowed), a fractional weight
* with five zero weights, regio and geslacht for the banner, and a cluster id for the design.
SET SEED=20261206.
INPUT PROGRAM.
LOOP #i = 1 TO 800.
  COMPUTE id = #i.
  END CASE.
END LOOP.
END FILE.
END INPUT PROGRAM.
COMPUTE regio = TRUNC(RV.UNIFORM(1, 5)).
COMPUTE geslacht = 1 + RV.BERNOULLI(0.52).
COMPUTE cluster = TRUNC(RV.UNIFORM(1, 9)).
COMPUTE gewicht = RND(RV.UNIFORM(0.4, 2.2) * 1000) / 1000.
IF (id <= 5) gewicht = 0.
COMPUTE dak = RV.BERNOULLI(0.35 + 0.08 * regio).
COMPUTE gevel = RV.BERNOULLI(0.3).
COMPUTE vloer = RV.BERNOULLI(0.15 + 0.05 * (geslacht - 1)).
COMPUTE glas = RV.BERNOULLI(0.6).
DO IF RV.BERNOULLI(0.05) = 1.
  RECODE dak gevel vloer glas (ELSE=9).
END IF.
IF (RV.BERNOULLI(0.03) = 1) glas = $SYSMIS.
COMPUTE prio1 = TRUNC(RV.UNIFORM(1, 7)).
COMPUTE prio2 = TRUNC(RV.UNIFORM(1, 7)).
COMPUTE prio3 = TRUNC(RV.UNIFORM(1, 7)).
IF (RV.BERNOULLI(0.3) = 1) prio2 = $SYSMIS.
IF (MISSING(prio2) OR RV.BERNOULLI(0.4) = 1) prio3 = $SYSMIS.
IF (RV.BERNOULLI(0.04) = 1) prio1 = 9.
FORMATS id regio geslacht cluster dak gevel vloer glas prio1 prio2 prio3 (F2.0) gewicht (F6.3).
MISSING VALUES dak gevel vloer glas prio1 prio2 prio3 (9).
VALUE LABELS regio 1 'Noord' 2 'Oost' 3 'Zuid' 4 'West'
  /geslacht 1 'Man' 2 'Vrouw'
  /dak gevel vloer glas 0 'Nee' 1 'Ja' 9 'Weet niet'
  /prio1 prio2 prio3 1 'Veiligheid' 2 'Groen' 3 'Wonen' 4 'Zorg' 5 'Verkeer' 6 'Armoede' 9 'Weet niet'.
VARIABLE LABELS dak 'Dakisolatie' gevel 'Gevelisolatie' vloer 'Vloerisolatie' glas 'Isolatieglas'.
MRSETS
  /MDGROUP NAME=$isolatie LABEL='Genomen isolatiemaatregelen' VARIABLES=dak gevel vloer glas VALUE=1
  /MCGROUP NAME=$prioriteit LABEL='Belangrijkste onderwerpen' VARIABLES=prio1 prio2 prio3.
SAVE OUTFILE='mrsets.sav'.
