CLAIMCHECK_SEARCH.add("t:pr",{"practic":[4,29],"preced":[36,34],"print":[34,33],"privat":[4,52],"product":[13,37,6,38,15,24]});
