CLAIMCHECK_SEARCH.add("t:un",{"under":[34,21],"unit":[21,44],"unnam":[15,29,1,27,1,13,3,15,12,34,1,34]});
