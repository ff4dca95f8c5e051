CLAIMCHECK_SEARCH.add("t:pu",{"publish":[12,24,1,22,1,25,3,18,1,21,1,21,1,20,11,28,3,14],"purpos":[1,48,1,44]});
