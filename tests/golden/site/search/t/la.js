CLAIMCHECK_SEARCH.add("t:la",{"largest":[14,48,13,35],"last":[0,15,19,18,15,22,1,26],"later":[34,21],"latest":[13,22,3,21]});
