CLAIMCHECK_SEARCH.add("t:wi",{"without":[17,35,15,35,1,34]});
